import { Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Engagement } from '../../../../shared/api/vault';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/domain/engagement';
import { CATEGORY_HELP } from '../categories';
import { useEngagementSave } from './use-engagement-save';

/** Step 3: which Trust Services categories the report covers (Security always). */
export function CategoriesStep({ engagement }: { engagement: Engagement }) {
  const save = useEngagementSave();
  const [chosen, setChosen] = useState<Category[]>(engagement.categories);

  const toggle = (category: Category, on: boolean) => {
    const next = CATEGORIES.filter(
      (c) => c === 'security' || (c === category ? on : chosen.includes(c)),
    );
    setChosen(next);
    save.now('categories', { categories: next });
  };

  return (
    <Stack gap="sm">
      {CATEGORIES.map((c) => {
        const security = c === 'security';
        return (
          <Paper key={c} withBorder radius="md" px="md" py="sm" data-testid={`category-${c}`}>
            <Checkbox
              label={
                <Text span size="sm" fw={600}>
                  {CATEGORY_LABELS[c]}
                </Text>
              }
              description={
                security
                  ? 'Always in scope: the common criteria (CC1–CC9) apply to every SOC 2 report, so Security cannot be removed.'
                  : CATEGORY_HELP[c]
              }
              checked={chosen.includes(c)}
              disabled={security}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
            />
          </Paper>
        );
      })}
      {save.errors.categories && (
        <Text size="xs" c="red" role="alert">
          {save.errors.categories}
        </Text>
      )}
      {engagement.scopeConfirmedAt && (
        <Text size="xs" c="dimmed">
          A change here takes effect when you confirm the scope again. Controls that serve only a
          removed category are archived with their work, not deleted, and return if it comes back.
        </Text>
      )}
    </Stack>
  );
}

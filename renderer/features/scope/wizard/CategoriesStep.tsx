import { Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Engagement } from '../../../../shared/api/vault';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/domain/engagement';
import { engagementPatch } from '../../../../shared/api/methods/scope';
import { useApi } from '../../../api/provider';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { CATEGORY_HELP } from '../categories';

const LABELS = { categories: 'Categories' };

/** Step 3: which Trust Services categories the report covers (Security always). */
export function CategoriesStep({ engagement }: { engagement: Engagement }) {
  const client = useApi();
  const [initial] = useState(() => ({ categories: engagement.categories }));
  const { form, values, change } = useAutosaveForm<{ categories: Category[] }, unknown>({
    values: initial,
    patchSchema: engagementPatch,
    labels: LABELS,
    saveField: (_field, categories) =>
      client.call('scope.update', { categories: categories as Category[] }),
  });
  const chosen = values.categories;

  const toggle = (category: Category, on: boolean) => {
    const next = CATEGORIES.filter(
      (c) => c === 'security' || (c === category ? on : chosen.includes(c)),
    );
    change('categories', next);
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
      {form.errors.categories && (
        <Text size="xs" c="red" role="alert">
          {form.errors.categories}
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

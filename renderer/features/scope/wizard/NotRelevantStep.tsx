import { Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { SystemDescription } from '../../../../shared/api/sd';
import { useScopeCriteria } from '../scope-queries';
import { carvedOutMap } from '../view/matrix';
import { ConfirmNone } from './ConfirmNone';
import { CriterionRelevance } from './CriterionRelevance';

/** Question 9: in-scope criteria that do not apply to this system, each with its reason (DC 8). */
export function NotRelevantStep({ sd }: { sd: SystemDescription }) {
  const { criteria } = useScopeCriteria();
  const [search, setSearch] = useState('');

  const carvedOut = useMemo(() => carvedOutMap(sd.subservices), [sd.subservices]);

  const needle = search.trim().toLowerCase();
  const shown = criteria.filter(
    (c) => !needle || `${c.id} ${c.title}`.toLowerCase().includes(needle) || c.notRelevantReason,
  );
  const marked = criteria.filter((c) => c.notRelevantReason !== null).length;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <TextInput
          aria-label="Find a criterion"
          placeholder="Find a criterion by id or title"
          leftSection={<IconSearch size={15} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Text size="xs" c="dimmed">
          {marked === 0 ? 'None marked not relevant' : `${marked} marked not relevant`}
        </Text>
      </Group>
      <ConfirmNone kind="notRelevant" confirmedOn={sd.confirmedNone.notRelevant} listed={marked} />
      <Stack gap={0}>
        {shown.map((c) => (
          <CriterionRelevance key={c.id} criterion={c} carvedOutTo={carvedOut.get(c.id) ?? []} />
        ))}
      </Stack>
    </Stack>
  );
}

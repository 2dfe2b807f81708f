import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportCounts as Counts } from '../../../../shared/api/requests';

const TILES: { key: keyof Counts; label: string; hint: string }[] = [
  { key: 'new', label: 'New', hint: 'requests not in this vault yet' },
  { key: 'updated', label: 'Updated', hint: 'known requests the auditor changed' },
  { key: 'unchanged', label: 'Unchanged', hint: 'known requests, nothing new' },
  { key: 'skipped', label: 'Skipped', hint: 'rows with an error, not saved' },
];

/** What an import does (or did) to the list, as four figures. */
export function ImportCounts({ counts, done }: { counts: Counts; done?: boolean }) {
  return (
    <SimpleGrid cols={4} spacing="sm" data-testid="import-counts">
      {TILES.map((t) => (
        <Paper key={t.key} withBorder p="sm" radius="md" data-count={t.key}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.05em' }}>
            {t.label}
          </Text>
          <Text
            fz={26}
            fw={650}
            lh={1.2}
            c={t.key === 'skipped' && counts.skipped > 0 ? 'red.9' : undefined}
            data-testid={`count-${t.key}`}
            className="attest-count"
          >
            {counts[t.key]}
          </Text>
          <Text size="xs" c="dimmed">
            {done ? t.hint.replace('not saved', 'were not saved') : t.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

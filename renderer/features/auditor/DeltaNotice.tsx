import { Alert, Button, Collapse, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import { formatInstant, plural } from '../../components/format';
import { RECORD_KIND_LABELS } from './labels';

type Delta = NonNullable<OpenPackageInfo['delta']>;

/** The one sentence that says what a delta package is; the banner's badge repeats its gist. */
export function deltaSentence(delta: Delta): string {
  const { counts } = delta;
  return `Delta package — only what is new or changed since the package exported ${formatInstant(delta.previousGeneratedAt)} (${counts.new} new, ${counts.changed} changed, ${counts.removed} removed)`;
}

/**
 * A delta package holds only the files of records new or changed since an earlier package; the
 * auditor must know that before reading "missing" into what is not there, and must be able to
 * see what the consultant no longer shows (the signed manifest lists it).
 */
export function DeltaNotice({ delta }: { delta: Delta }) {
  const [showRemoved, setShowRemoved] = useState(false);
  const listId = useId();
  const { counts, removed } = delta;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconStack2 size={20} aria-hidden />}
      title={deltaSentence(delta)}
      data-testid="audit-delta"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm" maw={720}>
          The {plural(counts.unchanged, 'record')} unchanged since then are listed in its indexes
          but their files are in the earlier package: unzip this one over the earlier folder to have
          both.
        </Text>
        {removed.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing the earlier package showed was removed.
          </Text>
        ) : (
          <>
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={showRemoved}
              aria-controls={listId}
              onClick={() => setShowRemoved((v) => !v)}
            >
              {showRemoved ? 'Hide' : 'Show'} what was removed ({removed.length})
            </Button>
            <Collapse expanded={showRemoved} id={listId} w="100%">
              <Text size="sm" c="dimmed" mb="xs" maw={720}>
                Shown in the earlier package and not in this one: archived or deleted since, or left
                out by this export’s options.
              </Text>
              <ScrollArea.Autosize mah={320} type="auto">
                <Table striped withTableBorder aria-label="Removed since the earlier package">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Record</Table.Th>
                      <Table.Th>Reference</Table.Th>
                      <Table.Th>Files in the earlier package</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {removed.map((r) => (
                      <Table.Tr key={`${r.kind} ${r.id}`} data-testid="delta-removed">
                        <Table.Td>{RECORD_KIND_LABELS[r.kind]}</Table.Td>
                        <Table.Td className="attest-mono">{r.id}</Table.Td>
                        <Table.Td>
                          {r.paths.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              A row of the indexes
                            </Text>
                          ) : (
                            r.paths.map((p) => (
                              <Text
                                key={p}
                                size="sm"
                                className="attest-mono"
                                style={{ overflowWrap: 'anywhere' }}
                              >
                                {p}
                              </Text>
                            ))
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Collapse>
          </>
        )}
      </Stack>
    </Alert>
  );
}

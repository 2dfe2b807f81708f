import { Alert, Button, Collapse, Stack, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import { formatInstant, plural } from '../../components/format';
import { type DataColumn, DataTable } from '../../components/table/DataTable';
import { RECORD_KIND_LABELS } from './labels';

type Delta = NonNullable<OpenPackageInfo['delta']>;
type Removed = Delta['removed'][number];

const REMOVED_COLUMNS: DataColumn<Removed>[] = [
  { id: 'kind', header: 'Record', width: 160, cell: (r) => RECORD_KIND_LABELS[r.kind] },
  {
    id: 'id',
    header: 'Reference',
    width: 200,
    cell: (r) => <span className="attest-mono">{r.id}</span>,
  },
  {
    id: 'paths',
    header: 'Files in the earlier package',
    cell: (r) =>
      r.paths.length === 0 ? (
        <Text size="sm" c="dimmed">
          A row of the indexes
        </Text>
      ) : (
        r.paths.map((p) => (
          <Text key={p} size="sm" className="attest-mono" style={{ overflowWrap: 'anywhere' }}>
            {p}
          </Text>
        ))
      ),
  },
];

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
              {/* A delta may remove many records: only the rows in view are drawn. */}
              <DataTable
                label="Removed since the earlier package"
                rows={removed}
                rowId={(r) => `${r.kind} ${r.id}`}
                columns={REMOVED_COLUMNS}
                rowLabel={(r) => `${RECORD_KIND_LABELS[r.kind]} ${r.id}`}
                rowData={() => ({ 'data-testid': 'delta-removed' })}
                maxHeight="320px"
              />
            </Collapse>
          </>
        )}
      </Stack>
    </Alert>
  );
}

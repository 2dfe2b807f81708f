import { Alert, Badge, Stack, Text, Title } from '@mantine/core';
import { IconCalendarQuestion } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { PreviewRow } from '../../../../shared/api/requests';
import { plural } from '../../../components/format';
import { WarningAlert } from '../../../components/WarningAlert';
import { type DataColumn, DataTable } from '../../../components/table/DataTable';
import { ImportCounts } from './ImportCounts';
import { dateOrderIsAQuestion } from './mapping';
import { type PreviewContext, previewFieldText } from './preview-values';
import { RowProblems } from './RowProblems';
import type { ImportWizard } from './useImportWizard';
import '../callout.css';
import './import.css';

const OUTCOME: Record<PreviewRow['outcome'], { label: string; color: string }> = {
  new: { label: 'New', color: 'teal' },
  updated: { label: 'Updated', color: 'yellow' },
  unchanged: { label: 'Unchanged', color: 'gray' },
};

const COLUMNS = [
  ['ref', 'Request no.'],
  ['description', 'Description'],
  ['type', 'Type'],
  ['period', 'Period / as of'],
  ['criteria', 'Criteria'],
  ['controls', 'Controls'],
  ['owner', 'Owner'],
  ['dueOn', 'Due'],
  ['wave', 'Wave'],
] as const;
type FieldKey = (typeof COLUMNS)[number][0];

const MONO: ReadonlySet<FieldKey> = new Set(['ref', 'criteria', 'controls']);

/** How one field of a row shows: a dash when empty, the description on two lines. */
function FieldCell(props: { field: FieldKey; value: string | null; unmatchedOwner: boolean }) {
  const { field, value } = props;
  if (value === null)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  if (field === 'description')
    return (
      <Text size="sm" lineClamp={2} className="attest-preview-wrap" title={value}>
        {value}
      </Text>
    );
  if (props.unmatchedOwner)
    return (
      <Text span size="sm" c="dimmed" fs="italic" title={value}>
        {value} (not in People)
      </Text>
    );
  return (
    <span className={MONO.has(field) ? 'attest-mono' : undefined} title={value}>
      {value}
    </span>
  );
}

/** Step 3: what would be saved, row by row, the problems, and the counts. Nothing saved yet. */
export function PreviewStep({ wizard, ctx }: { wizard: ImportWizard; ctx: PreviewContext }) {
  const preview = wizard.preview!;
  const text = useMemo(() => previewFieldText(ctx), [ctx]);
  const order = preview.dateOrder.order === 'dmy' ? 'day first' : 'month first';
  // Only the fields this file feeds: an unmapped field would be an empty column of dashes.
  const mapping = preview.mapping;
  const tableColumns = useMemo<DataColumn<PreviewRow>[]>(
    () => [
      {
        id: 'row',
        header: 'Row',
        width: 56,
        cell: (row) => (
          <Text span size="sm" c="dimmed">
            {row.row}
          </Text>
        ),
      },
      {
        id: 'outcome',
        header: 'Will be',
        width: 104,
        cell: (row) => (
          <Badge size="sm" variant="light" radius="sm" tt="none" color={OUTCOME[row.outcome].color}>
            {OUTCOME[row.outcome].label}
          </Badge>
        ),
      },
      ...COLUMNS.filter(([key]) => mapping[key] !== undefined).map(
        ([key, label]): DataColumn<PreviewRow> => ({
          id: key,
          header: label,
          cell: (row) => (
            <FieldCell
              field={key}
              value={text[key](row)}
              unmatchedOwner={key === 'owner' && !!row.ownerText && !row.ownerId}
            />
          ),
        }),
      ),
    ],
    [mapping, text],
  );
  return (
    <Stack gap="md">
      <ImportCounts counts={preview.counts} />
      {preview.warnings.map((warning) => (
        <WarningAlert key={warning} className="attest-callout" data-testid="file-warning">
          <Text size="sm">{warning}</Text>
        </WarningAlert>
      ))}
      <RowProblems problems={preview.problems} />
      {dateOrderIsAQuestion(preview) && preview.dateOrder.source !== 'given' && (
        <Alert
          color="yellow"
          variant="outline"
          className="attest-callout"
          icon={<IconCalendarQuestion size={18} aria-hidden />}
        >
          <Text size="sm">
            Dates that could be read either way were read {order}. To change that, go back to the
            columns.
          </Text>
        </Alert>
      )}
      <Stack gap={6}>
        <Title order={3}>
          {preview.rows.length < preview.totalRows
            ? `The first ${preview.rows.length} of ${plural(preview.totalRows, 'row')}, as they will be saved`
            : `${plural(preview.rows.length, 'row')}, as they will be saved`}
        </Title>
        <DataTable
          label="Rows as they will be saved"
          testId="preview-table"
          className="attest-preview-table"
          rows={preview.rows}
          rowId={(row) => String(row.row)}
          columns={tableColumns}
          rowLabel={(row) => `Row ${row.row}, ${row.ref}`}
          rowData={(row) => ({ 'data-ref': row.ref, 'data-outcome': row.outcome })}
          rowHeight={44}
          // Inside the wizard's own scrolling step: the counts and problems above stay reachable.
          maxHeight="min(420px, calc(100dvh - 300px))"
          empty="No row of this file can be imported; see the problems above."
        />
      </Stack>
    </Stack>
  );
}

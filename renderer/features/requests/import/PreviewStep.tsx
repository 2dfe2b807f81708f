import { Alert, Badge, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarQuestion } from '@tabler/icons-react';
import type { PreviewRow } from '../../../../shared/api/requests';
import { plural } from '../../../components/format';
import { WarningAlert } from '../../../components/WarningAlert';
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

/** Step 3: what would be saved, row by row, the problems, and the counts. Nothing saved yet. */
export function PreviewStep({ wizard, ctx }: { wizard: ImportWizard; ctx: PreviewContext }) {
  const preview = wizard.preview!;
  const text = previewFieldText(ctx);
  const order = preview.dateOrder.order === 'dmy' ? 'day first' : 'month first';
  // Only the fields this file feeds: an unmapped field would be an empty column of dashes.
  const columns = COLUMNS.filter(([key]) => preview.mapping[key] !== undefined);
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
        <ScrollArea type="auto" offsetScrollbars>
          <Table
            className="attest-preview-table attest-table"
            verticalSpacing={5}
            horizontalSpacing="sm"
            fz="sm"
            withTableBorder
            data-testid="preview-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>Row</Table.Th>
                <Table.Th w={104}>Will be</Table.Th>
                {columns.map(([key, label]) => (
                  <Table.Th key={key}>{label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.row} data-ref={row.ref}>
                  <Table.Td c="dimmed">{row.row}</Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant="light"
                      radius="sm"
                      tt="none"
                      color={OUTCOME[row.outcome].color}
                    >
                      {OUTCOME[row.outcome].label}
                    </Badge>
                  </Table.Td>
                  {columns.map(([key]) => {
                    const value = text[key](row);
                    const unmatchedOwner = key === 'owner' && row.ownerText && !row.ownerId;
                    return (
                      <Table.Td
                        key={key}
                        data-wrap={key === 'description' || undefined}
                        className={
                          key === 'ref' || key === 'criteria' || key === 'controls'
                            ? 'attest-mono'
                            : undefined
                        }
                        title={value ?? undefined}
                      >
                        {value === null ? (
                          <Text span size="sm" c="dimmed">
                            —
                          </Text>
                        ) : key === 'description' ? (
                          <Text size="sm" lineClamp={2}>
                            {value}
                          </Text>
                        ) : unmatchedOwner ? (
                          <Text span size="sm" c="dimmed" fs="italic">
                            {value} (not in People)
                          </Text>
                        ) : (
                          value
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {preview.rows.length === 0 && (
          <Text size="sm" c="dimmed">
            No row of this file can be imported; see the problems above.
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

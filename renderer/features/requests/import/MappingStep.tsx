import { Alert, Badge, Group, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarQuestion } from '@tabler/icons-react';
import { useMemo } from 'react';
import { REQUEST_FIELDS } from '../../../../shared/domain/requests';
import { plural } from '../../../components/format';
import { REQUEST_FIELD_LABELS } from '../labels';
import { type HeaderChoice, dateOrderIsAQuestion, exampleFor } from './mapping';
import type { PreviewContext } from './preview-values';
import { previewFieldText } from './preview-values';
import type { ImportWizard } from './useImportWizard';
import '../callout.css';
import './import.css';

const KEEP_LABEL = 'Keep as the auditor’s column';

const OPTIONS = [
  ...REQUEST_FIELDS.map((f) => ({ value: f, label: REQUEST_FIELD_LABELS[f] })),
  { value: 'keep', label: KEEP_LABEL },
];

/** Step 2: every header of the file with the field it feeds; the unplaced ones stand out. */
export function MappingStep({ wizard, ctx }: { wizard: ImportWizard; ctx: PreviewContext }) {
  const preview = wizard.preview!;
  const show = useMemo(() => ({ field: previewFieldText(ctx) }), [ctx]);
  const kept = wizard.choices.filter((c) => c === 'keep').length;
  const hasRef = wizard.choices.includes('ref');

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {preview.fileName}
        {preview.sheet ? ` · sheet “${preview.sheet}”` : ''} · headers on row {preview.headerRow} ·{' '}
        {plural(preview.totalRows, 'row')}. Attest guessed what each column holds; correct any that
        are wrong. Columns kept as the auditor’s are stored and exported exactly as given.
      </Text>
      <Table
        className="attest-mapping"
        verticalSpacing={6}
        horizontalSpacing="sm"
        data-testid="mapping-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">Column in the file</Table.Th>
            <Table.Th>Example</Table.Th>
            <Table.Th w={260}>Imported as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header, i) => {
            const choice = wizard.choices[i] ?? 'keep';
            const example = exampleFor(preview, header, show);
            return (
              <Table.Tr
                key={`${i}:${header}`}
                data-unplaced={choice === 'keep' || undefined}
                data-header={header}
              >
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <Text size="sm" fw={500} className="attest-mono">
                      {header || `(column ${i + 1} has no header)`}
                    </Text>
                    {choice === 'keep' && (
                      <Badge size="xs" variant="light" color="yellow" radius="sm" tt="none">
                        Not placed
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    c={example ? undefined : 'dimmed'}
                    lineClamp={1}
                    title={example ?? undefined}
                  >
                    {example ?? 'Empty in the rows read'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Imported as, for the column “${header}”`}
                    data={OPTIONS}
                    value={choice}
                    onChange={(v) => v && wizard.choose(i, v as HeaderChoice)}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    disabled={!header.trim()}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {kept === 0
          ? 'Every column feeds a field.'
          : `${plural(kept, 'column')} kept as the auditor’s: shown in each request as given.`}
      </Text>
      {dateOrderIsAQuestion(preview) && <DateOrderQuestion wizard={wizard} />}
      {(wizard.problem || !hasRef) && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={wizard.problem?.title ?? 'Choose the column that holds the request number.'}
          data-testid="import-problem"
        >
          <Text size="sm">
            {wizard.problem?.detail ??
              'Each request is found again by its number when a newer version of the list is imported.'}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

function DateOrderQuestion({ wizard }: { wizard: ImportWizard }) {
  const decision = wizard.preview!.dateOrder;
  const value = wizard.dateOrder ?? decision.order;
  return (
    <Alert
      color="yellow"
      variant="outline"
      className="attest-callout"
      icon={<IconCalendarQuestion size={18} aria-hidden />}
      title="How are the dates written?"
      data-testid="date-order"
    >
      <Stack gap="xs">
        <Text size="sm">
          {decision.conflicting
            ? 'Some dates in this file only make sense day first and others only month first. Check the date columns, then choose.'
            : decision.source === 'given'
              ? 'Some dates in this file could be read either way, such as 03/04/2026. They are read as chosen here.'
              : `${plural(decision.ambiguousValues, 'date')} in this file could be read either way, such as 03/04/2026.`}
        </Text>
        <Radio.Group
          value={value}
          onChange={(v) => wizard.chooseDateOrder(v === 'mdy' ? 'mdy' : 'dmy')}
          aria-label="Date order"
        >
          <Group gap="lg">
            <Radio value="dmy" label="Day first (03/04/2026 is 3 April)" />
            <Radio value="mdy" label="Month first (03/04/2026 is 4 March)" />
          </Group>
        </Radio.Group>
      </Stack>
    </Alert>
  );
}

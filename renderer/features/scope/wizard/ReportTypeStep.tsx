import { Input, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type EngagementPatch, engagementPatch } from '../../../../shared/api/methods/scope';
import type { Engagement } from '../../../../shared/api/vault';
import type { ReportType } from '../../../../shared/domain/engagement';
import { periodLengthWarning } from '../../../../shared/domain/report-period';
import { useApi } from '../../../api/provider';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { WarningAlert } from '../../../components/WarningAlert';
import { DateField } from '../../../components/DateField';

/** The report type and its dates as the form holds them: no date is ''. */
type ReportValues = { reportType: ReportType; asOf: string; start: string; end: string };

const LABELS: Record<keyof ReportValues, string> = {
  reportType: 'Report type',
  asOf: 'As of',
  start: 'Period start',
  end: 'Period end',
};

/**
 * The type and its dates are one answer (`scope.update` takes them together, and switching type
 * clears the other type's dates): what to send, or null while a period has only one date.
 */
function reportInput(v: ReportValues, saved: ReportValues): EngagementPatch | null {
  if (v.reportType === 'type1') return { reportType: 'type1', ...(v.asOf ? { asOf: v.asOf } : {}) };
  if (v.start && v.end) return { reportType: 'type2', period: { start: v.start, end: v.end } };
  // Switching to Type II is saved at once; half a period is not.
  return saved.reportType === 'type2' ? null : { reportType: 'type2' };
}

/** A refusal of the period as a whole, or of its end, shows under "Period ends". */
const errorPath = (path: string) =>
  path === 'period.start' ? 'start' : path.startsWith('period') ? 'end' : path;

/** Step 2: Type I (one date) or Type II (a period), with the dates. */
export function ReportTypeStep({ engagement }: { engagement: Engagement }) {
  const client = useApi();
  const [initial] = useState<ReportValues>(() => ({
    reportType: engagement.reportType,
    asOf: engagement.asOf ?? '',
    start: engagement.period?.start ?? '',
    end: engagement.period?.end ?? '',
  }));
  // Dates wait for a pause (typing a year passes through dates nobody meant); the type is a
  // choice, saved at once.
  const { values, field, change } = useAutosaveForm<ReportValues, unknown>({
    values: initial,
    patchSchema: engagementPatch,
    labels: LABELS,
    errorPath,
    groups: {
      report: {
        fields: ['reportType', 'asOf', 'start', 'end'],
        label: 'Report type and dates',
        schema: engagementPatch,
        toInput: reportInput,
        // The header's client, report type and period are re-read by the change this makes.
        save: (input) => client.call('scope.update', input as EngagementPatch),
      },
    },
  });
  const { reportType: type, start, end } = values;
  const warning = type === 'type2' ? periodLengthWarning(start, end) : null;
  const date = (name: 'asOf' | 'start' | 'end') => {
    const { value, error, onChange, onBlur } = field(name);
    return { value: value as string, error, onChange: onChange as (iso: string) => void, onBlur };
  };

  return (
    <Stack gap="xl">
      <Input.Wrapper
        label="Report type"
        labelElement="div"
        id="report-type"
        description="You can change this until the report is issued; switching type asks for that type’s date again."
      >
        <SegmentedControl
          mt={8}
          aria-labelledby="report-type-label"
          data={[
            { value: 'type1', label: 'Type I — one date' },
            { value: 'type2', label: 'Type II — a period' },
          ]}
          value={type}
          onChange={(v) => change('reportType', v as ReportType, true)}
        />
      </Input.Wrapper>
      {type === 'type1' ? (
        <SimpleGrid cols={2} spacing="md" maw={560}>
          <DateField
            label="As of"
            description="The date the design of the controls is examined"
            {...date('asOf')}
          />
        </SimpleGrid>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={2} spacing="md" maw={560}>
            <DateField label="Period starts" {...date('start')} />
            <DateField label="Period ends" {...date('end')} />
          </SimpleGrid>
          {Boolean(start) !== Boolean(end) && (
            <Text size="xs" c="dimmed">
              The period is saved once both dates are given.
            </Text>
          )}
        </Stack>
      )}
      {warning && (
        <WarningAlert title="Unusual length" maw={640} data-testid="period-warning">
          {warning} You can keep it if your auditor agrees.
        </WarningAlert>
      )}
    </Stack>
  );
}

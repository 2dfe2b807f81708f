import { Input, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Engagement } from '../../../../shared/api/vault';
import type { ReportType } from '../../../../shared/domain/engagement';
import { periodLengthWarning } from '../../../../shared/domain/report-period';
import { useEngagementSave } from './use-engagement-save';
import { WarningAlert } from '../../../components/WarningAlert';
import { DateField } from '../../../components/DateField';

/** Step 2: Type I (one date) or Type II (a period), with the dates. */
export function ReportTypeStep({ engagement }: { engagement: Engagement }) {
  const save = useEngagementSave();
  const [type, setType] = useState<ReportType>(engagement.reportType);
  const [asOf, setAsOf] = useState(engagement.asOf ?? '');
  const [start, setStart] = useState(engagement.period?.start ?? '');
  const [end, setEnd] = useState(engagement.period?.end ?? '');

  // The type and its dates travel together: switching type clears the other type's dates.
  // Dates wait for a pause: typing a year passes through dates nobody meant.
  const saveTiming = (
    next: { type: ReportType; asOf: string; start: string; end: string },
    now = false,
  ) => {
    const send = now ? save.now : save.later;
    if (next.type === 'type1') {
      send('asOf', { reportType: 'type1', ...(next.asOf ? { asOf: next.asOf } : {}) });
    } else if (next.start && next.end) {
      send('period', { reportType: 'type2', period: { start: next.start, end: next.end } });
    } else if (now) {
      send('period', { reportType: 'type2' });
    }
  };
  const warning = type === 'type2' ? periodLengthWarning(start, end) : null;
  const periodError = save.errors['period.end'] ?? save.errors.period;

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
          onChange={(v) => {
            const next = v as ReportType;
            setType(next);
            saveTiming({ type: next, asOf, start, end }, true);
          }}
        />
      </Input.Wrapper>
      {type === 'type1' ? (
        <SimpleGrid cols={2} spacing="md" maw={560}>
          <DateField
            label="As of"
            description="The date the design of the controls is examined"
            value={asOf}
            onChange={(iso) => {
              setAsOf(iso);
              saveTiming({ type, asOf: iso, start, end });
            }}
            error={save.errors.asOf}
          />
        </SimpleGrid>
      ) : (
        <Stack gap="xs">
          <SimpleGrid cols={2} spacing="md" maw={560}>
            <DateField
              label="Period starts"
              value={start}
              onChange={(iso) => {
                setStart(iso);
                saveTiming({ type, asOf, start: iso, end });
              }}
              error={save.errors['period.start']}
            />
            <DateField
              label="Period ends"
              value={end}
              onChange={(iso) => {
                setEnd(iso);
                saveTiming({ type, asOf, start, end: iso });
              }}
              error={periodError}
            />
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

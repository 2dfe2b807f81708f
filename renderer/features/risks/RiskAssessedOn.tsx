import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifyError } from '../../app/notify';
import { formatDate } from '../../components/format';
import { useToday } from '../vault/today';
import { assessedOnState } from './assessed-on';
import { useRiskActions, useRisks } from './risk-queries';
import { DateField } from '../../components/DateField';

/** When the risk assessment was performed; readiness wants one within the last 12 months. */
export function RiskAssessedOn() {
  const assessedOn = useRisks((s) => s.assessedOn);
  const save = useRiskActions().setAssessedOn;
  const today = useToday();
  const state = assessedOnState(assessedOn, today);
  const note =
    state.kind === 'missing'
      ? 'No date recorded. Readiness needs a risk assessment performed within the last 12 months.'
      : state.kind === 'stale'
        ? `Performed ${formatDate(state.date)}, more than 12 months ago: repeat it and record the new date.`
        : null;
  return (
    <Paper withBorder p="md" data-testid="risk-assessed-on">
      <Group justify="space-between" wrap="nowrap" gap="xl">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            Risk assessment
          </Text>
          {note ? (
            <Group gap={6} wrap="nowrap">
              <IconAlertTriangle size={16} color="var(--mantine-color-error)" aria-hidden />
              <Text size="sm" c="var(--mantine-color-error)" data-testid="risk-assessed-note">
                {note}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              The date the register was last reviewed as a whole. Readiness wants one within the
              last 12 months.
            </Text>
          )}
        </Stack>
        <DateField
          aria-label="Risk assessment performed on"
          value={assessedOn}
          onChange={(iso) => {
            const value = iso || null;
            if (value !== assessedOn) save(value).catch(notifyError);
          }}
          w={190}
          style={{ flexShrink: 0 }}
        />
      </Group>
    </Paper>
  );
}

import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCoverage, useGaps } from '../gaps/gaps-store';
import { useProposals, useTasks } from '../remediation/task-queries';
import { assessedOnState } from '../risks/assessed-on';
import { useRisks } from '../risks/risk-queries';
import { useToday } from '../vault/today';
import { nextStep } from './next-step';
import { useVaultInfo } from '../vault/vault-info';

/** The one thing to do next, decided from the engagement's real state (see next-step.ts). */
export function NextStepCard() {
  const scopeConfirmed = Boolean(useVaultInfo((i) => i.engagement.scopeConfirmedAt));
  const summary = useGaps((s) => s.summary);
  const coverage = useCoverage((s) => s.coverage);
  const proposals = useProposals().proposals.length;
  const overdue = useTasks((s) => s.tasks.filter((t) => t.overdue).length);
  const assessedOn = useRisks((s) => s.assessedOn);
  const today = useToday();
  const step = nextStep({
    scopeConfirmed,
    controls: summary?.controls ?? 0,
    unassessed: summary ? summary.controls - summary.assessed : 0,
    proposals,
    overdue,
    riskAssessment: assessedOnState(assessedOn, today).kind,
    notMapped: coverage.filter((c) => c.status === 'not_mapped').length,
  });
  return (
    <Paper withBorder p="lg" data-testid="next-step">
      <Group justify="space-between" wrap="nowrap" gap="xl">
        <Stack gap={2}>
          <Text size="xs" fw={600} c="teal" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
            Next step
          </Text>
          <Text fw={600}>{step.title}</Text>
          <Text size="sm" c="dimmed">
            {step.detail}
          </Text>
        </Stack>
        <Button
          component={Link}
          to={step.to}
          rightSection={<IconArrowRight size={16} />}
          style={{ flexShrink: 0 }}
        >
          {step.action}
        </Button>
      </Group>
    </Paper>
  );
}

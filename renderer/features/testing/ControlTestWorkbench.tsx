import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import type { SelfTestSummary } from '../../../shared/api/self-tests';
import { FREQUENCY_LABELS } from '../../../shared/domain/catalog';
import { formatInstant, plural } from '../../components/format';
import { StatusBadge } from '../../components/status';
import { useScopeControls } from '../scope/scope-queries';
import { PlanCard } from './PlanCard';
import { TestPanel } from './TestPanel';
import { TEST_STATUS_LABEL, TEST_STATUS_TONE, statusOf } from './test-status';
import { type PlanChoice, WHOLE_PERIOD_LOW, usePlan, useSelfTests } from './testing-queries';

/**
 * One control's test workbench: its sample plan and the draw, then its latest test (flags,
 * attributes, the grid, deviations, expansion, the worksheet); older tests stay listed, read-only.
 */
export function ControlTestWorkbench(props: { controlId: string; onBack(): void }) {
  const { controls, loaded } = useScopeControls();
  const control = controls.find((c) => c.id === props.controlId);
  const [choice, setChoice] = useState<PlanChoice>(WHOLE_PERIOD_LOW);
  const planQuery = usePlan(props.controlId, choice);
  const plan = planQuery.data;
  const { tests } = useSelfTests(props.controlId);
  const latest = tests.at(-1);
  const [viewingId, setViewingId] = useState<string | null>(null);
  const shownId = viewingId ?? latest?.id ?? null;
  const status = statusOf(latest);

  return (
    <Stack gap="md" data-testid="test-workbench">
      <Group justify="space-between" wrap="nowrap">
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
          onClick={props.onBack}
          px={0}
        >
          All controls
        </Button>
      </Group>
      {loaded && !control ? (
        <Text size="sm">This control is not in the vault (it may have been removed).</Text>
      ) : null}
      {control && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} className="attest-mono" data-testid="workbench-control-ref">
              {control.ref}
            </Text>
            <Text size="xs" c="dimmed">
              {FREQUENCY_LABELS[control.frequency]}
            </Text>
            <span data-testid="workbench-status" data-status={status}>
              <StatusBadge tone={TEST_STATUS_TONE[status]}>{TEST_STATUS_LABEL[status]}</StatusBadge>
            </span>
          </Group>
          <Title order={2} size="h3">
            {control.title}
          </Title>
          {control.testProcedure && (
            <Text size="sm" c="dimmed">
              {control.testProcedure}
            </Text>
          )}
        </Stack>
      )}
      {plan && (
        <PlanCard
          plan={plan}
          choice={choice}
          onChoice={setChoice}
          planError={planQuery.error?.message ?? null}
          retestOf={latest ?? null}
          onDrawn={() => setViewingId(null)}
        />
      )}
      {shownId && <TestPanel key={shownId} testId={shownId} readOnly={shownId !== latest?.id} />}
      {tests.length > 1 && (
        <OlderTests
          tests={tests.slice(0, -1)}
          viewingId={viewingId}
          onView={(id) => setViewingId(id === viewingId ? null : id)}
        />
      )}
    </Stack>
  );
}

function OlderTests(props: {
  tests: SelfTestSummary[];
  viewingId: string | null;
  onView(id: string): void;
}) {
  return (
    <Paper withBorder p="md" radius="lg" data-testid="older-tests">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Earlier tests (kept as they were)
        </Title>
        {[...props.tests].reverse().map((t) => (
          <Group key={t.id} justify="space-between" wrap="nowrap">
            <Group gap="sm">
              <Text size="sm" className="attest-mono">
                {t.ref}
              </Text>
              <Text size="sm">
                {formatInstant(t.drawnAt)} by {t.drawnBy}, {plural(t.sampleSize, 'item')} —{' '}
                {t.result}
              </Text>
              {t.retestedById && (
                <Badge size="sm" variant="light" color="gray" tt="none" radius="sm">
                  Re-tested
                </Badge>
              )}
            </Group>
            <Button size="xs" variant="default" onClick={() => props.onView(t.id)}>
              {props.viewingId === t.id ? 'Back to the latest' : 'View'}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

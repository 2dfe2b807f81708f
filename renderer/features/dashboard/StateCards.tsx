import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Figure } from '../../components/Figure';
import { ProgressRing } from '../../components/ProgressRing';
import { SectionCard } from '../../components/SectionCard';
import { plural } from '../../components/format';
import { useGaps } from '../gaps/gaps-store';
import { ASSESSMENT_LABEL } from '../gaps/labels';
import { planCounts } from '../remediation/plan';
import { useProposals, useTasks } from '../remediation/task-queries';
import { RiskScore } from '../risks/RiskScore';
import { topRisks } from '../risks/risk-matrix';
import { useRisks } from '../risks/risk-queries';
import { fillVar } from '../../components/tone-fill';

const TOP_RISKS = 4;

function Breakdown(props: { items: [string, number][] }) {
  return (
    <Stack gap={2}>
      {props.items.map(([label, value]) => (
        <Group key={label} justify="space-between" gap="md">
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={500}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** How many controls are assessed, as a ring, with the statuses given so far. */
export function AssessmentCard() {
  const summary = useGaps((s) => s.summary);
  if (!summary) return null;
  const b = summary.byStatus;
  return (
    <SectionCard
      title="Assessment"
      testId="dashboard-assessment"
      action={
        <Anchor component={Link} to="/gaps" size="sm">
          Gap analysis
        </Anchor>
      }
    >
      <Stack gap="md">
        <ProgressRing
          value={summary.assessed}
          total={summary.controls}
          label={`${summary.assessed} of ${plural(summary.controls, 'control')} assessed`}
          caption={`${summary.assessed} of ${summary.controls} assessed`}
          detail="Self-assessment — not an audit opinion"
          // Self-assessed, never "met": the palette's partial yellow.
          color={fillVar('partial', 'bg')}
          testId="assessment-ring"
        />
        <Breakdown
          items={[
            [ASSESSMENT_LABEL.implemented, b.implemented ?? 0],
            [ASSESSMENT_LABEL.partial, b.partial ?? 0],
            [ASSESSMENT_LABEL.not_implemented, b.not_implemented ?? 0],
            [ASSESSMENT_LABEL.not_applicable, b.not_applicable ?? 0],
            [ASSESSMENT_LABEL.not_assessed, b.not_assessed ?? 0],
          ]}
        />
      </Stack>
    </SectionCard>
  );
}

/** The remediation plan: done out of all, what is open and what is overdue. */
export function PlanCard() {
  const tasks = useTasks((s) => s.tasks);
  const { proposals } = useProposals();
  const c = planCounts(tasks);
  return (
    <SectionCard
      title="Remediation"
      testId="dashboard-plan"
      action={
        <Anchor component={Link} to="/remediation" size="sm">
          Plan
        </Anchor>
      }
    >
      <Stack gap="md">
        <ProgressRing
          value={c.done}
          total={c.total}
          label={`${c.done} of ${plural(c.total, 'task')} done`}
          caption={`${c.done} of ${plural(c.total, 'task')} done`}
          detail={
            proposals.length ? `${plural(proposals.length, 'proposed task')} to decide` : undefined
          }
        />
        <Group gap="xl">
          <Figure label="Open" value={c.open} valueTestId="dashboard-open-tasks" />
          <Figure label="Overdue" value={c.overdue} alert valueTestId="dashboard-overdue-tasks" />
        </Group>
      </Stack>
    </SectionCard>
  );
}

/** The risks with the highest residual score. */
export function TopRisksCard() {
  const risks = useRisks((s) => s.risks);
  const top = topRisks(risks, TOP_RISKS);
  return (
    <SectionCard
      title="Top risks"
      testId="dashboard-risks"
      action={
        <Anchor component={Link} to="/gaps?view=risks" size="sm">
          Register
        </Anchor>
      }
    >
      {top.length === 0 ? (
        <Text size="sm" c="dimmed">
          No risks in the register yet.
        </Text>
      ) : (
        <Stack gap="xs">
          {top.map((r) => (
            <Anchor
              key={r.id}
              component={Link}
              to={`/gaps?view=risks&risk=${r.id}`}
              underline="never"
              c="inherit"
              className="attest-row"
              px={6}
              py={4}
              data-top-risk={r.title}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm" lineClamp={2}>
                  {r.title}
                </Text>
                <RiskScore likelihood={r.residualLikelihood} impact={r.residualImpact} compact />
              </Group>
            </Anchor>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

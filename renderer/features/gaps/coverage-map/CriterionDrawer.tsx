import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { SideDrawer } from '../../../components/SideDrawer';
import { StatusBadge } from '../../../components/status';
import { useCoverage, useGaps } from '../gaps-store';
import { ASSESSMENT_BADGE, ASSESSMENT_TONE, COVERAGE_LABEL, COVERAGE_TONE } from '../labels';
import { stateOf } from '../table/control-filters';
import { linkTo } from '../../../app/routes';
import { HistorySection } from '../../history/RecordHistory';

/** A criterion: why its coverage is what it is, what it asks, and the controls that serve it. */
export function CriterionDrawer(props: { criterionId: string | null; onClose(): void }) {
  const navigate = useNavigate();
  const coverage = useCoverage((s) => s.coverage.find((c) => c.id === props.criterionId) ?? null);
  const criterion = useGaps((s) => s.criteria.find((c) => c.id === props.criterionId) ?? null);
  const controls = useGaps((s) => s.controls);
  const assessments = useGaps((s) => s.assessments);
  const mapped = controls.filter((c) => criterion?.controlIds.includes(c.id));
  return (
    <SideDrawer
      opened={coverage !== null}
      onClose={props.onClose}
      size={520}
      title={
        coverage && (
          <>
            <span className="attest-mono">{coverage.id}</span> {coverage.title}
          </>
        )
      }
      data-testid="criterion-drawer"
    >
      {coverage && (
        <Stack gap="lg">
          <Stack gap={6}>
            <Group gap="xs">
              <StatusBadge tone={COVERAGE_TONE[coverage.status]}>
                {COVERAGE_LABEL[coverage.status]}
              </StatusBadge>
              {coverage.carvedOut && (
                <Text size="xs" c="dimmed">
                  Carved out to a subservice organisation
                </Text>
              )}
            </Group>
            <Text size="sm">{coverage.reason}</Text>
          </Stack>
          {criterion && (
            <Stack gap={4}>
              <Text
                size="xs"
                fw={600}
                c="dimmed"
                tt="uppercase"
                style={{ letterSpacing: '0.06em' }}
              >
                What it asks
              </Text>
              <Text size="sm">{criterion.guidance.asks}</Text>
            </Stack>
          )}
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
              Controls mapped to it · {mapped.length}
            </Text>
            {mapped.length === 0 && (
              <Text size="sm" c="dimmed">
                None. Map a control to it, or mark it not relevant with a reason on the Scope
                screen.
              </Text>
            )}
            {mapped.map((c) => {
              const state = stateOf(assessments, c.id);
              return (
                <UnstyledButton
                  key={c.id}
                  className="attest-row"
                  px="xs"
                  py={6}
                  onClick={() => navigate(linkTo('gapsControl', c.id))}
                  aria-label={`Assess ${c.ref} ${c.title}`}
                >
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Group gap={8} wrap="nowrap">
                        <Text
                          size="sm"
                          fw={600}
                          className="attest-mono"
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {c.ref}
                        </Text>
                        <Text size="sm" truncate="end">
                          {c.title}
                        </Text>
                      </Group>
                      <Group gap={8} wrap="nowrap">
                        <StatusBadge tone={ASSESSMENT_TONE[state]}>
                          {ASSESSMENT_BADGE[state]}
                        </StatusBadge>
                        <Text size="xs" c="dimmed" data-testid={`role-${c.ref}`}>
                          {c.supportingCriteria.includes(coverage.id)
                            ? 'Supporting: never meets it alone'
                            : 'Key: must be met'}
                        </Text>
                      </Group>
                    </Stack>
                    <IconChevronRight size={16} aria-hidden />
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
          <HistorySection id={coverage.id} />
        </Stack>
      )}
    </SideDrawer>
  );
}

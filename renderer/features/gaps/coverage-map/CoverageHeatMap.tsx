import { Box, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { CriterionCoverageView } from '../../../../shared/api/gaps';
import type { CoverageStatus } from '../../../../shared/domain/coverage';
import { TONE_FILL_CLASS } from '../../../components/tone-fill';
import { COVERAGE_LABEL, COVERAGE_MEANING, COVERAGE_ORDER, COVERAGE_TONE } from '../labels';
import { groupCoverage } from './coverage-groups';

function Swatch({ status }: { status: CoverageStatus }) {
  return (
    <Box
      className={TONE_FILL_CLASS[COVERAGE_TONE[status]]}
      w={12}
      h={12}
      style={{ borderRadius: 3, flexShrink: 0 }}
      aria-hidden
    />
  );
}

/** The four coverage statuses with how many criteria are in each. */
export function CoverageLegend({ criteria }: { criteria: readonly CriterionCoverageView[] }) {
  return (
    <Group gap="lg" data-testid="coverage-legend">
      {COVERAGE_ORDER.map((status) => (
        <Tooltip
          key={status}
          label={COVERAGE_MEANING[status]}
          events={{ hover: true, focus: true, touch: false }}
        >
          <Group
            gap={6}
            wrap="nowrap"
            tabIndex={0}
            aria-label={`${COVERAGE_LABEL[status]}: ${COVERAGE_MEANING[status]}`}
          >
            <Swatch status={status} />
            <Text size="sm">{COVERAGE_LABEL[status]}</Text>
            <Text size="sm" c="dimmed" data-testid={`legend-count-${status}`}>
              {criteria.filter((c) => c.status === status).length}
            </Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  );
}

/**
 * Criteria by group (CC1…CC9, A1, C1, PI1, P1…), each cell coloured by its coverage. Hover or
 * focus tells why; a click opens the criterion and the controls that serve it.
 */
export function CoverageHeatMap(props: {
  criteria: readonly CriterionCoverageView[];
  groupTitles: ReadonlyMap<string, string>;
  onOpen(criterionId: string): void;
}) {
  const groups = groupCoverage(props.criteria);
  return (
    <Stack gap={6} data-testid="coverage-heat-map">
      {groups.map((group) => (
        <Group key={group.groupId} gap="md" wrap="nowrap" align="center">
          <Box w={200} style={{ flexShrink: 0 }}>
            <Text size="sm" fw={600} className="attest-mono" lh={1.2}>
              {group.groupId}
            </Text>
            <Text size="xs" c="dimmed" truncate="end" title={props.groupTitles.get(group.groupId)}>
              {props.groupTitles.get(group.groupId)}
            </Text>
          </Box>
          <Group gap={4} wrap="wrap" role="group" aria-label={`${group.groupId} criteria`}>
            {group.criteria.map((c) => (
              <Tooltip
                key={c.id}
                events={{ hover: true, focus: true, touch: false }}
                multiline
                maw={300}
                label={
                  <Stack gap={2}>
                    <Text size="xs" fw={600}>
                      {c.id} · {c.title}
                    </Text>
                    <Text size="xs">
                      {COVERAGE_LABEL[c.status]}: {c.reason}
                    </Text>
                  </Stack>
                }
              >
                <UnstyledButton
                  className={TONE_FILL_CLASS[COVERAGE_TONE[c.status]]}
                  onClick={() => props.onOpen(c.id)}
                  aria-label={`${c.id} ${c.title} — ${COVERAGE_LABEL[c.status]}: ${c.reason}`}
                  data-criterion={c.id}
                  data-status={c.status}
                  w={64}
                  h={34}
                  fz="xs"
                  fw={600}
                  ta="center"
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                >
                  <span className="attest-mono">{c.id}</span>
                </UnstyledButton>
              </Tooltip>
            ))}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

import { Anchor, Box, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { criteriaByCategory } from '../../../shared/domain/readiness/categories';
import { SectionCard } from '../../components/SectionCard';
import { fillVar } from '../../components/tone-fill';
import { useCoverage } from '../gaps/gaps-store';
import { COVERAGE_TONE } from '../gaps/labels';
import { CATEGORY_PARAM, CRITERIA_CARD_ID } from './criteria-filter';

const pct = (n: number, of: number) => (of === 0 ? 0 : (n * 100) / of);

/** The bars' colours in words (the figures beside each bar say the same for screen readers). */
const LEGEND = [
  ['met', 'Met'],
  ['mapped', 'Not met yet'],
  ['not_mapped', 'No control'],
] as const;

/**
 * One stacked bar per trust-services category in scope: criteria met (teal), mapped to a control
 * not met yet (amber), with no control (red) — the figures of the readiness report's category
 * chart, from the same coverage. A category's name filters the Criteria card to it.
 */
export function CategoryBars() {
  const { coverage, loaded } = useCoverage();
  const bars = useMemo(() => criteriaByCategory(coverage), [coverage]);
  const [, setParams] = useSearchParams();
  const show = (category: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(CATEGORY_PARAM, category);
        return next;
      },
      { replace: true },
    );
    document.getElementById(CRITERIA_CARD_ID)?.scrollIntoView({ block: 'start' });
  };
  return (
    <SectionCard title="Criteria met by category" testId="category-bars">
      {!loaded ? (
        <Text size="sm" c="dimmed">
          Reading the criteria…
        </Text>
      ) : bars.length === 0 ? (
        <Text size="sm" c="dimmed">
          No criterion is in scope yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {bars.map((b) => (
            <div key={b.category} data-testid="category-bar" data-category={b.category}>
              <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={600}
                  onClick={() => show(b.category)}
                  aria-label={`Show the ${b.label} criteria`}
                >
                  {b.label}
                </Anchor>
                <Text size="xs" c="dimmed" ta="right">
                  {b.met} of {b.total} met
                  {b.mapped > 0 && ` · ${b.mapped} not met yet`}
                  {b.notMapped > 0 && ` · ${b.notMapped} with no control`}
                </Text>
              </Group>
              <Progress.Root size="md" radius="sm" aria-hidden>
                <Tooltip label={`${b.met} met`}>
                  <Progress.Section
                    value={pct(b.met, b.total)}
                    color={fillVar(COVERAGE_TONE.met, 'bg')}
                  />
                </Tooltip>
                <Tooltip label={`${b.mapped} mapped, not met yet`}>
                  <Progress.Section
                    value={pct(b.mapped, b.total)}
                    color={fillVar(COVERAGE_TONE.mapped, 'bg')}
                  />
                </Tooltip>
                <Tooltip label={`${b.notMapped} with no control`}>
                  <Progress.Section
                    value={pct(b.notMapped, b.total)}
                    color={fillVar(COVERAGE_TONE.not_mapped, 'bg')}
                  />
                </Tooltip>
              </Progress.Root>
            </div>
          ))}
          <Group gap="md" mt={4} aria-hidden>
            {LEGEND.map(([status, label]) => (
              <Group key={status} gap={6} wrap="nowrap">
                <Box
                  w={10}
                  h={10}
                  style={{ borderRadius: 2, background: fillVar(COVERAGE_TONE[status], 'bg') }}
                />
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
              </Group>
            ))}
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}

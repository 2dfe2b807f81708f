import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { CriterionCoverageView } from '../../../shared/api/gaps';
import { CATEGORY_LABELS } from '../../../shared/domain/engagement';
import { SectionCard } from '../../components/SectionCard';
import { coverageByCategory } from '../gaps/coverage-map/coverage-groups';
import { CoverageLegend } from '../gaps/coverage-map/CoverageHeatMap';
import { COVERAGE_LABEL, COVERAGE_ORDER } from '../gaps/labels';
import { fillVar } from '../../components/tone-fill';

/** Bar colours: the one status palette, the same fills as the heat map. */
const SERIES = [
  { name: COVERAGE_LABEL.met, color: fillVar('met', 'bg') },
  { name: COVERAGE_LABEL.mapped, color: fillVar('partial', 'bg') },
  { name: COVERAGE_LABEL.not_mapped, color: fillVar('missing', 'bg') },
  { name: COVERAGE_LABEL.not_relevant, color: fillVar('neutral', 'bg') },
];

/** Criteria per category, stacked by coverage: met, mapped, not mapped, not relevant. */
export function CoverageByCategory({ criteria }: { criteria: readonly CriterionCoverageView[] }) {
  const rows = coverageByCategory(criteria);
  const data = rows.map((r) => ({
    category: CATEGORY_LABELS[r.category],
    ...Object.fromEntries(COVERAGE_ORDER.map((s) => [COVERAGE_LABEL[s], r[s]])),
  }));
  return (
    <SectionCard title="Coverage by category" testId="coverage-by-category">
      <Stack gap="sm">
        <CoverageLegend criteria={criteria} />
        <BarChart
          h={56 + rows.length * 44}
          data={data}
          dataKey="category"
          type="stacked"
          orientation="vertical"
          series={SERIES}
          yAxisProps={{ width: 150 }}
          gridAxis="none"
          withXAxis={false}
          barProps={{ radius: 2 }}
          maxBarWidth={26}
          tooltipAnimationDuration={100}
          // The table below says the same to screen readers; the picture is for the eyes.
          accessibilityLayer={false}
          aria-hidden
        />
        <VisuallyHidden>
          <table>
            <caption>Criteria by category and coverage</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                {COVERAGE_ORDER.map((s) => (
                  <th key={s} scope="col">
                    {COVERAGE_LABEL[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.category}>
                  <th scope="row">{CATEGORY_LABELS[r.category]}</th>
                  {COVERAGE_ORDER.map((s) => (
                    <td key={s}>{r[s]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
        <Group gap="lg">
          {rows.map((r) => (
            <Text key={r.category} size="xs" c="dimmed" data-testid={`coverage-${r.category}`}>
              {CATEGORY_LABELS[r.category]}: {r.met} met · {r.mapped} mapped · {r.not_mapped} not
              mapped · {r.not_relevant} not relevant
            </Text>
          ))}
        </Group>
      </Stack>
    </SectionCard>
  );
}

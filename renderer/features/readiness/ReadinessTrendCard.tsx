import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Anchor, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { evaluatedAsOf, statusLine } from '../../../shared/domain/readiness/status-line';
import { PAGES } from '../../app/routes';
import { SectionCard } from '../../components/SectionCard';
import { formatDate } from '../../components/format';
import { fillVar } from '../../components/tone-fill';
import { useReadiness, useSnapshots } from './readiness-queries';

const SERIES = [
  { name: 'Blocking findings', color: fillVar('missing', 'bg') },
  { name: '% of checks passing', color: fillVar('partial', 'bg') },
];

/**
 * The Dashboard's readiness: today's status line (one evaluation for the page view) and the
 * trend across frozen reviews, oldest first.
 */
export function ReadinessTrendCard() {
  const readiness = useReadiness().data;
  const snapshots = useSnapshots().data?.items ?? [];
  const points = [...snapshots].reverse().map((s) => ({
    review: `${s.ref} · ${formatDate(s.evaluatedOn)}`,
    'Blocking findings': s.figures.blocking,
    '% of checks passing': s.figures.percentPassing,
  }));
  return (
    <SectionCard
      title="Readiness"
      testId="readiness-trend"
      action={
        <Anchor component={Link} to={PAGES.readiness} size="sm">
          Review
        </Anchor>
      }
    >
      <Stack gap="sm">
        <Text size="sm" fw={600} data-testid="dashboard-status-line">
          {readiness ? statusLine(readiness, (iso) => formatDate(iso)) : 'Running the checks…'}
        </Text>
        {readiness && evaluatedAsOf(readiness, (iso) => formatDate(iso)) && (
          <Text size="sm" c="dimmed" mt={-8} data-testid="dashboard-evaluated-on">
            {evaluatedAsOf(readiness, (iso) => formatDate(iso))}
          </Text>
        )}
        {points.length < 2 ? (
          <Text size="sm" c="dimmed">
            {points.length === 0
              ? 'No review frozen yet. Freeze reviews on the Readiness page to follow the trend here.'
              : 'One review frozen so far; the trend shows from the second.'}
          </Text>
        ) : (
          <>
            <LineChart
              h={200}
              data={points}
              dataKey="review"
              series={SERIES}
              withLegend
              curveType="linear"
              gridAxis="y"
              tooltipAnimationDuration={100}
              accessibilityLayer={false}
              aria-hidden
            />
            <VisuallyHidden>
              <table>
                <caption>Frozen reviews, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Review</th>
                    <th scope="col">Blocking findings</th>
                    <th scope="col">% of checks passing</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.review}>
                      <th scope="row">{p.review}</th>
                      <td>{p['Blocking findings']}</td>
                      <td>{p['% of checks passing']}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}

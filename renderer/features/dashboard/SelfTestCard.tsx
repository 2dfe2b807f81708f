import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { SELF_TEST_LABEL } from '../../../shared/api/self-tests';
import { linkTo } from '../../app/routes';
import { Figure } from '../../components/Figure';
import { ProgressRing } from '../../components/ProgressRing';
import { SectionCard } from '../../components/SectionCard';
import { formatDate, plural } from '../../components/format';
import { fillVar } from '../../components/tone-fill';
import { useScopeControls } from '../scope/scope-queries';
import { useSelfTests } from '../testing/testing-queries';
import { useVaultQuery } from '../vault/use-vault-query';
import { type SelfTestOverview, selfTestOverview } from './self-test-overview';

function DeviationRows({ overview }: { overview: SelfTestOverview }) {
  if (overview.rows.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="self-test-card-rows">
        No latest self-test found a deviation. Each control’s result is on the Testing tab.
      </Text>
    );
  return (
    <Stack gap={6} data-testid="self-test-card-rows">
      {overview.rows.map((r) => (
        <Group key={r.controlId} gap="xs" wrap="nowrap" align="baseline" data-ref={r.ref}>
          <Text size="xs" c="dimmed" w={88} style={{ flexShrink: 0 }}>
            {formatDate(r.drawnAt.slice(0, 10))}
          </Text>
          <Text size="sm" lineClamp={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={linkTo('controlTesting', r.controlId)} fw={600}>
              <span className="attest-mono">{r.ref}</span> {r.title}
            </Anchor>{' '}
            — {r.result}, by {r.drawnBy}
          </Text>
        </Group>
      ))}
      {overview.moreRows > 0 && (
        <Text size="xs" c="dimmed">
          and {plural(overview.moreRows, 'more control')} with deviations
        </Text>
      )}
    </Stack>
  );
}

/**
 * Management self-testing at a glance (T item 5): how many in-scope controls were self-tested,
 * the deviations their latest tests found and those awaiting management's response, then the
 * controls with deviations, each opening its test workbench. Always under the self-test label:
 * the auditor draws its own sample, so none of this is an audit result.
 */
export function SelfTestCard() {
  const { controls, loaded: controlsLoaded } = useScopeControls();
  const { tests, loaded: testsLoaded } = useSelfTests();
  const deviations = useVaultQuery('selfTests.deviations', {});
  const overview = useMemo(
    () => selfTestOverview(controls, tests, deviations.data ?? []),
    [controls, tests, deviations.data],
  );
  if (!controlsLoaded || !testsLoaded || !deviations.isSuccess || overview.inScope === 0)
    return null;
  return (
    <SectionCard
      title="Self-testing"
      testId="dashboard-self-tests"
      action={
        <Anchor component={Link} to={linkTo('documentationTesting')} size="sm">
          All self-tests →
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text size="xs" c="dimmed" fw={600} data-testid="self-test-card-label">
          {SELF_TEST_LABEL}
        </Text>
        {overview.tested === 0 ? (
          <Text size="sm" c="dimmed" data-testid="self-test-card-empty">
            No control self-tested yet —{' '}
            <Anchor component={Link} to={linkTo('documentationTesting')} size="sm">
              draw a sample on the Testing tab
            </Anchor>
            .
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="md">
              <ProgressRing
                value={overview.tested}
                total={overview.inScope}
                label={`${overview.tested} of ${plural(overview.inScope, 'in-scope control')} self-tested`}
                caption={`${overview.tested} of ${overview.inScope} controls self-tested`}
                detail={`${overview.notTested} not yet tested`}
                // A rehearsal, never the auditor's result: the palette's partial yellow.
                color={fillVar('partial', 'bg')}
                testId="self-test-ring"
              />
              <Group gap="xl">
                <Figure
                  value={overview.deviations}
                  label="Deviations"
                  testId="self-test-deviations"
                />
                <Figure
                  value={overview.responseMissing}
                  label="Awaiting management response"
                  testId="self-test-response-missing"
                  alert
                />
              </Group>
            </Stack>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Controls with deviations
              </Text>
              <DeviationRows overview={overview} />
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
    </SectionCard>
  );
}

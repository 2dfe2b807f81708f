import { Alert, Button, Loader, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { linkTo } from '../../app/routes';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { StepEmpty } from '../../components/StepEmpty';
import { describeError } from '../../app/error-wording';
import { toApiCallError } from '../../api';
import { useVaultInfo } from '../vault/vault-info';
import { CategoryBars } from './CategoryBars';
import { CriteriaCard } from './CriteriaCard';
import { FindingsCard } from './FindingsCard';
import { FreezeModal } from './FreezeModal';
import { ReportButton } from './ReportButton';
import { GroupBars } from './GroupBars';
import { NeedsList } from './NeedsList';
import { readinessNeeds } from './prerequisites';
import { useReadiness } from './readiness-queries';
import { SnapshotsCard } from './SnapshotsCard';
import { StatusPanel } from './StatusPanel';
import { TimelinesCard } from './TimelinesCard';
import { useEngagementFacts } from './useEngagementFacts';

/**
 * Step 5: the readiness review as of today (DESIGN §5), gated by its blocking findings, then the
 * frozen reviews and their comparison. One `readiness.get` for the whole page.
 */
export function ReadinessPage() {
  const step = stepById('readiness');
  const scopeConfirmed = useVaultInfo((i) => i.engagement.scopeConfirmedAt !== null);
  const readiness = useReadiness();
  // The modal is in the address (`?freeze=1`), so the palette's "Freeze this review" opens it.
  const [params, setParams] = useSearchParams();
  const freezing = params.get('freeze') === '1';
  const setFreezing = (open: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (open) next.set('freeze', '1');
        else next.delete('freeze');
        return next;
      },
      { replace: !open },
    );
  const freeze = (
    <Button
      leftSection={<IconLock size={16} />}
      onClick={() => setFreezing(true)}
      disabled={!readiness.data}
      data-testid="freeze-button"
    >
      Freeze this review
    </Button>
  );

  return (
    <>
      <PageHeader
        title={step.label}
        purpose={step.purpose}
        step={step.number}
        action={
          scopeConfirmed ? (
            <Group gap="sm">
              <ReportButton disabled={!readiness.data} />
              {freeze}
            </Group>
          ) : undefined
        }
      />
      {scopeConfirmed === false ? (
        <NotScopedYet />
      ) : readiness.error ? (
        <Alert color="red" title={describeError(toApiCallError(readiness.error)).title}>
          {describeError(toApiCallError(readiness.error)).advice}
        </Alert>
      ) : !readiness.data ? (
        <Group gap="sm" data-testid="readiness-loading">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Running every readiness check…
          </Text>
        </Group>
      ) : (
        <Stack gap="lg">
          <StatusPanel readiness={readiness.data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <CategoryBars />
            <GroupBars readiness={readiness.data} />
          </SimpleGrid>
          <FindingsCard readiness={readiness.data} />
          <TimelinesCard />
          <CriteriaCard />
          <SnapshotsCard action={freeze} />
        </Stack>
      )}
      <FreezeModal
        opened={freezing && scopeConfirmed === true}
        readiness={readiness.data}
        onClose={() => setFreezing(false)}
      />
    </>
  );
}

/** Before the scope is confirmed there is nothing to review: say what comes first. */
function NotScopedYet() {
  const facts = useEngagementFacts();
  return (
    <Stack gap="lg">
      <StepEmpty
        icon={<IconShieldCheck size={22} stroke={1.5} />}
        title="Nothing to review yet"
        description="The readiness review checks the criteria in scope, their controls, evidence, policies, risks and vendors. Confirm the scope first; the review then lists every finding, blocking ones first."
        action={{ label: 'Confirm the scope', to: linkTo('scopeEdit') }}
      />
      <SectionCard title="What it needs from this vault">
        <NeedsList needs={readinessNeeds(facts)} testId="readiness-needs" />
      </SectionCard>
    </Stack>
  );
}

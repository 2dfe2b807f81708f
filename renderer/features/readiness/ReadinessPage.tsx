import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { ComingLater } from './ComingLater';
import { NeedsList } from './NeedsList';
import { readinessNeeds } from './prerequisites';
import { useEngagementFacts } from './useEngagementFacts';

export function ReadinessPage() {
  const step = stepById('readiness');
  const facts = useEngagementFacts();
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <ComingLater
        will={[
          'List every finding, blocking ones first: criteria without a control, controls not in place, evidence missing or outside its window.',
          'Show the share of checks passing, and how it changes from one snapshot to the next.',
          'Say “ready” only when no blocking finding remains.',
        ]}
      >
        <SectionCard title="What it will need from this vault">
          <NeedsList needs={readinessNeeds(facts)} testId="readiness-needs" />
        </SectionCard>
      </ComingLater>
    </>
  );
}

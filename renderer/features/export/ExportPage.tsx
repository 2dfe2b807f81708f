import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { ComingLater } from '../readiness/ComingLater';
import { NeedsList } from '../readiness/NeedsList';
import { availableExports, exportNeeds } from '../readiness/prerequisites';
import { useEngagementFacts } from '../readiness/useEngagementFacts';

export function ExportPage() {
  const step = stepById('export');
  const facts = useEngagementFacts();
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <ComingLater
        will={[
          'Seal the audit package: evidence, policies, the system description and the readiness report, with a manifest of hashes so the auditor can check that nothing changed.',
          'Let the auditor open it in Attest or in any browser, and send requests and comments back.',
        ]}
      >
        <SectionCard title="What you can export today">
          <NeedsList needs={availableExports(facts)} testId="exports-today" doneWord="Available" />
        </SectionCard>
        <SectionCard title="What the package will need">
          <NeedsList needs={exportNeeds()} testId="export-needs" />
        </SectionCard>
      </ComingLater>
    </>
  );
}

import { IconClipboardCheck } from '@tabler/icons-react';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';

export function ReadinessPage() {
  const step = stepById('readiness');
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <StepEmpty
        icon={<IconClipboardCheck size={26} stroke={1.5} />}
        title="Nothing to review yet"
        description="Readiness is worked out from assessed controls and their evidence, blocking findings first. It is a self-assessment — not an audit opinion."
        action={{ label: 'Go to Gap analysis', to: '/gaps' }}
      />
    </>
  );
}

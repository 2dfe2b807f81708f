import { IconTool } from '@tabler/icons-react';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';

export function RemediationPage() {
  const step = stepById('remediation');
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <StepEmpty
        icon={<IconTool size={26} stroke={1.5} />}
        title="No remediation tasks yet"
        description="Each gap found in the gap analysis becomes a task here, with an owner and a due date, so nothing is left open."
        action={{ label: 'Go to Gap analysis', to: '/gaps' }}
      />
    </>
  );
}

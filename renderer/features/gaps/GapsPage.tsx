import { IconListCheck } from '@tabler/icons-react';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';

export function GapsPage() {
  const step = stepById('gaps');
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <StepEmpty
        icon={<IconListCheck size={26} stroke={1.5} />}
        title="No controls assessed yet"
        description="Assess each control once scope is confirmed: whether it is in place, what is missing, and what good evidence would look like."
        action={{ label: 'Go to Scope', to: '/scope' }}
      />
    </>
  );
}

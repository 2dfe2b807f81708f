import { IconFileText } from '@tabler/icons-react';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';

export function DocumentationPage() {
  const step = stepById('documentation');
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <StepEmpty
        icon={<IconFileText size={26} stroke={1.5} />}
        title="No policies or evidence yet"
        description="Policies and evidence are attached to the controls they support, once those controls have been assessed."
        action={{ label: 'Go to Gap analysis', to: '/gaps' }}
      />
    </>
  );
}

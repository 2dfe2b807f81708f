import { IconPackageExport } from '@tabler/icons-react';
import { stepById } from '../../app/steps';
import { PageHeader } from '../../components/PageHeader';
import { StepEmpty } from '../../components/StepEmpty';

export function ExportPage() {
  const step = stepById('export');
  return (
    <>
      <PageHeader title={step.label} purpose={step.purpose} step={step.number} />
      <StepEmpty
        icon={<IconPackageExport size={26} stroke={1.5} />}
        title="Nothing to export yet"
        description="The audit package — evidence, policies and the readiness report, sealed so the auditor can check that nothing changed — is produced once readiness has been reviewed."
        action={{ label: 'Go to Readiness', to: '/readiness' }}
      />
    </>
  );
}

import { IconFileText } from '@tabler/icons-react';
import { StepEmpty } from '../../components/StepEmpty';

/** The evidence vault (issue D1): its screens are being built; the backend already keeps it. */
export function EvidenceView() {
  return (
    <StepEmpty
      icon={<IconFileText size={26} stroke={1.5} />}
      title="Evidence arrives in a later version"
      description="The files that show each control operating will be kept here, linked to controls and to the auditor’s requests. Until then, track what the auditor asked for under “Auditor requests”."
      compact
    />
  );
}

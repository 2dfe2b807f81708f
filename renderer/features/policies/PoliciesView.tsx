import { IconBook2 } from '@tabler/icons-react';
import { StepEmpty } from '../../components/StepEmpty';

/** The policy library (issue D2): its screens are being built; the backend already keeps them. */
export function PoliciesView() {
  return (
    <StepEmpty
      icon={<IconBook2 size={26} stroke={1.5} />}
      title="Policies arrive in a later version"
      description="Policies written from templates, approved and acknowledged, will be kept here and linked to the controls they rest on."
      compact
    />
  );
}

import { ConsistencyFindings } from './drawer/ConsistencyFindings';
import { useConsistency } from './policy-queries';

/**
 * On a control's drawer: where a policy it rests on promises another frequency than the
 * control's, with the fix (the same finding the policy shows). Nothing when they agree.
 */
export function ControlPolicyFindings({ controlId }: { controlId: string }) {
  const consistency = useConsistency({ controlId });
  return <ConsistencyFindings findings={consistency?.findings ?? []} side="control" />;
}

/**
 * Where what a policy promises and what its controls do disagree: a frequency promised for a
 * linked control that runs at another (a policy that says quarterly for a control set to annual),
 * with the fix; and the time limits promised, which become the deadline a control's occurrences
 * are held to. Read from either side, so the policy and the control both show it.
 */
import type { Consistency } from '../../../shared/api/policies';
import { FREQUENCY_LABELS, type Frequency } from '../../../shared/domain/frequency';
import { all } from '../../db/connection';
import type { Vault } from '../vault/session';

export function policyConsistency(
  vault: Vault,
  filter: { policyId?: string | undefined; controlId?: string | undefined },
): Consistency {
  let q = vault.db.qb
    .selectFrom('policy_promise as pr')
    .innerJoin('policy as p', 'p.id', 'pr.policy_id')
    .innerJoin('policy_promise_control as pc', 'pc.promise_id', 'pr.id')
    // Only controls the policy is linked to: an unlinked control is not the policy's business.
    .innerJoin('policy_control as l', (j) =>
      j.onRef('l.policy_id', '=', 'p.id').onRef('l.control_id', '=', 'pc.control_id'),
    )
    .innerJoin('control as c', 'c.id', 'pc.control_id')
    .select([
      'p.id as policyId',
      'p.title as policyTitle',
      'pr.id as promiseId',
      'pr.text',
      'pr.kind',
      'pr.frequency',
      'pr.amount',
      'pr.unit',
      'c.id as controlId',
      'c.ref as controlRef',
      'c.frequency as actual',
    ])
    .where('p.archived_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .orderBy('p.title')
    .orderBy('pr.position')
    .orderBy('c.ref');
  if (filter.policyId) q = q.where('p.id', '=', filter.policyId);
  if (filter.controlId) q = q.where('c.id', '=', filter.controlId);
  const out: Consistency = { findings: [], deadlines: [] };
  for (const r of all(vault.db, q)) {
    if (r.kind === 'frequency' && r.frequency !== r.actual) {
      const promised = r.frequency as Frequency;
      const actual = r.actual as Frequency;
      out.findings.push({
        policyId: r.policyId,
        policyTitle: r.policyTitle,
        promiseId: r.promiseId,
        promiseText: r.text,
        controlId: r.controlId,
        controlRef: r.controlRef,
        promised,
        actual,
        fix: `${r.policyTitle} promises ${FREQUENCY_LABELS[promised].toLowerCase()} for ${r.controlRef}, which is set to ${FREQUENCY_LABELS[actual].toLowerCase()}: set ${r.controlRef} to ${FREQUENCY_LABELS[promised].toLowerCase()}, or change the policy's promise in a new version.`,
      });
    }
    if (r.kind === 'time_limit')
      out.deadlines.push({
        policyId: r.policyId,
        policyTitle: r.policyTitle,
        promiseId: r.promiseId,
        text: r.text,
        controlId: r.controlId,
        amount: r.amount!,
        unit: r.unit!,
      });
  }
  return out;
}

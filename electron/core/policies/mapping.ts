import type {
  Policy,
  PolicyPromiseOut,
  PolicyVersion,
  PolicyVersionSummary,
} from '../../../shared/api/policies';
import {
  type InForcePeriod,
  inForceOn,
  inForcePeriods,
} from '../../../shared/domain/policy-in-force';
import type { Frequency } from '../../../shared/domain/frequency';
import type { PolicyPromiseTable, PolicyTable, PolicyVersionTable } from '../../db/schema';

/** The approved versions' periods in force, by version id. */
export function periodsOf(versions: readonly PolicyVersionTable[]): Map<string, InForcePeriod> {
  const approved = versions
    .filter((v) => v.status === 'approved')
    .map((v) => ({ id: v.id, number: v.number, effectiveOn: v.effective_on! }));
  return new Map(inForcePeriods(approved).map((p) => [p.id, p]));
}

export function inForceVersion(
  versions: readonly PolicyVersionTable[],
  date: string,
): PolicyVersionTable | null {
  const approved = versions
    .filter((v) => v.status === 'approved')
    .map((v) => ({ id: v.id, number: v.number, effectiveOn: v.effective_on! }));
  const period = inForceOn(approved, date);
  return period ? versions.find((v) => v.id === period.id)! : null;
}

export function toVersionSummary(
  row: PolicyVersionTable,
  periods: Map<string, InForcePeriod>,
): PolicyVersionSummary {
  const period = periods.get(row.id);
  return {
    id: row.id,
    policyId: row.policy_id,
    number: row.number,
    status: row.status,
    changeNote: row.change_note,
    approverId: row.approver_id,
    approvedOn: row.approved_on,
    effectiveOn: row.effective_on,
    reviewMonths: row.review_months,
    nextReviewOn: row.next_review_on,
    inForceFrom: period?.from ?? null,
    inForceUntil: period?.until ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersion(
  row: PolicyVersionTable,
  periods: Map<string, InForcePeriod>,
): PolicyVersion {
  return { ...toVersionSummary(row, periods), body: row.body };
}

export function toPromise(row: PolicyPromiseTable, controlIds: string[]): PolicyPromiseOut {
  return {
    id: row.id,
    text: row.text,
    kind: row.kind,
    frequency: row.kind === 'frequency' ? (row.frequency as Frequency) : null,
    within: row.kind === 'time_limit' ? { amount: row.amount!, unit: row.unit! } : null,
    templatePromise: row.template_promise,
    controlIds,
  };
}

export function toPolicy(
  row: PolicyTable,
  versions: readonly PolicyVersionTable[],
  controlIds: string[],
  promises: PolicyPromiseOut[],
  today: string,
): Policy {
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  const hasApproved = versions.some((v) => v.status === 'approved');
  const inForce = inForceVersion(versions, today);
  return {
    id: row.id,
    title: row.title,
    templateKey: row.template_key,
    ownerId: row.owner_id,
    reviewMonths: row.review_months,
    acknowledgeWithinDays: row.acknowledge_within_days,
    archived: row.archived_at !== null,
    status: hasApproved
      ? draft
        ? 'approved_with_draft'
        : 'approved'
      : draft
        ? 'draft'
        : 'not_written',
    controlIds,
    promises,
    draftVersionId: draft?.id ?? null,
    inForceVersionId: inForce?.id ?? null,
    inForceNumber: inForce?.number ?? null,
    inForceFrom: inForce?.effective_on ?? null,
    nextReviewOn: inForce?.next_review_on ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

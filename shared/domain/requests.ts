/**
 * The auditor's request list (PBC, "provided by client"): the kinds of request, our internal
 * lifecycle, and the fields an imported spreadsheet column can be mapped to.
 */

export const REQUEST_TYPES = [
  'document',
  'population',
  'sample',
  'configuration',
  'walkthrough',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Our side of a request, in workflow order. */
export const REQUEST_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'ready_for_review',
  'submitted',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  ready_for_review: 'Ready for review',
  submitted: 'Submitted',
};

/**
 * The auditor's verdict on a submitted request. It arrives with the auditor's response and is
 * never set from the consultant's side, so no method of the contract accepts it as input.
 */
export const AUDITOR_STATUSES = ['accepted', 'follow_up'] as const;
export type AuditorStatus = (typeof AUDITOR_STATUSES)[number];

/** What a column of the auditor's file can feed. Anything else is kept as an extra column. */
export const REQUEST_FIELDS = [
  'ref',
  'description',
  'criteria',
  'controls',
  'type',
  'period',
  'owner',
  'dueOn',
  'wave',
  'comments',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

export const REQUEST_FIELD_LABELS: Record<RequestField, string> = {
  ref: 'Request number',
  description: 'Description',
  criteria: 'Criteria',
  controls: 'Controls',
  type: 'Type',
  period: 'Period / as of',
  owner: 'Owner',
  dueOn: 'Due date',
  wave: 'Wave',
  comments: 'Comments',
};

/**
 * Why a status change is refused, or null when it is allowed. Steps may be skipped forwards and
 * taken back freely before submission (a review sends work back); leaving `submitted` needs an
 * explicit reopen, because the auditor already has the evidence; `assigned` needs an owner.
 */
export function statusChangeProblem(
  from: RequestStatus,
  to: RequestStatus,
  options: { reopen: boolean; hasOwner: boolean },
): string | null {
  if (from === 'submitted' && to !== 'submitted' && !options.reopen) {
    return 'This request was already submitted; reopen it explicitly to move it back';
  }
  if (to === 'assigned' && !options.hasOwner) return 'Choose an owner before assigning';
  return null;
}

/** Due before today and not yet submitted. */
export function isRequestOverdue(
  dueOn: string | null,
  status: RequestStatus,
  today: string,
): boolean {
  return dueOn !== null && status !== 'submitted' && dueOn < today;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Orders auditor references the way a person reads them: PBC-2 before PBC-10. Two references that
 * differ only in case still get a stable order.
 */
export function compareRequestRefs(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

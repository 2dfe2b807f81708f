import {
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  statusChangeProblem,
} from '../../../../shared/domain/requests';

export interface StatusMove {
  to: RequestStatus;
  label: string;
  /** Why it cannot be taken now (shown, not hidden), or null. */
  blocked: string | null;
}

/** The usual next step from each status, in the words of its button. */
const NEXT: Partial<Record<RequestStatus, { to: RequestStatus; label: string }>> = {
  new: { to: 'assigned', label: 'Assign' },
  assigned: { to: 'in_progress', label: 'Start work' },
  in_progress: { to: 'ready_for_review', label: 'Ready for review' },
  ready_for_review: { to: 'submitted', label: 'Submit to the auditor' },
};

/**
 * What the status control offers: the usual next step as the main button, every other status
 * before submission as "Move to…" (a review may send work back, steps may be skipped), and for a
 * submitted request only Reopen, which asks first. The same rule as the contract decides.
 */
export function statusMoves(
  status: RequestStatus,
  hasOwner: boolean,
): { next: StatusMove | null; others: StatusMove[]; canReopen: boolean } {
  const blockedFor = (to: RequestStatus) =>
    statusChangeProblem(status, to, { reopen: false, hasOwner }) &&
    (to === 'assigned' && !hasOwner ? 'Choose an owner first' : 'Reopen it first');
  if (status === 'submitted') return { next: null, others: [], canReopen: true };
  const next = NEXT[status];
  const others = REQUEST_STATUSES.filter((s) => s !== status && s !== next?.to).map((to) => ({
    to,
    label: REQUEST_STATUS_LABELS[to],
    blocked: blockedFor(to) || null,
  }));
  return {
    next: next ? { ...next, blocked: blockedFor(next.to) || null } : null,
    others,
    canReopen: false,
  };
}

/** Where a reopened request goes: back to work, since the auditor needs something more. */
export const REOPEN_TO: RequestStatus = 'in_progress';

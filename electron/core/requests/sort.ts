/** Ordering the request list: by any column, empty values last, ties in the auditor's order. */
import type { AuditRequest, RequestSort, RequestSortKey } from '../../../shared/api/requests';
import {
  AUDITOR_STATUSES,
  REQUEST_STATUSES,
  compareRequestRefs,
} from '../../../shared/domain/requests';

type Value = string | number | null;

const text = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The name a request's owner is shown by: the person's name, else what the file wrote. */
export type OwnerName = (r: AuditRequest) => string | null;

function valueOf(r: AuditRequest, key: RequestSortKey, ownerName: OwnerName): Value {
  switch (key) {
    case 'ref':
      return r.ref;
    case 'description':
      return r.description.trim() || null;
    case 'type':
      return r.type;
    case 'wave':
      return r.wave;
    case 'owner':
      return ownerName(r) || null;
    case 'dueOn':
      return r.dueOn;
    case 'status':
      return REQUEST_STATUSES.indexOf(r.status);
    case 'auditorStatus':
      return r.auditorStatus === null ? null : AUDITOR_STATUSES.indexOf(r.auditorStatus);
    case 'commentCount':
      return r.commentCount;
  }
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return text.compare(String(a), String(b));
}

/**
 * A total order for `sort`: the column's value (empty last, in both directions), then the
 * auditor's reference (unique in a vault), always ascending so ties read as the auditor's list.
 */
export function requestComparator(
  sort: RequestSort,
  ownerName: OwnerName,
): (a: AuditRequest, b: AuditRequest) => number {
  const dir = sort.dir === 'asc' ? 1 : -1;
  if (sort.key === 'ref') return (a, b) => compareRequestRefs(a.ref, b.ref) * dir;
  return (a, b) => {
    const va = valueOf(a, sort.key, ownerName);
    const vb = valueOf(b, sort.key, ownerName);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const order = compareValues(va, vb) * dir;
      if (order !== 0) return order;
    }
    return compareRequestRefs(a.ref, b.ref);
  };
}

export function sortRequests(
  items: readonly AuditRequest[],
  sort: RequestSort,
  ownerName: OwnerName,
): AuditRequest[] {
  return [...items].sort(requestComparator(sort, ownerName));
}

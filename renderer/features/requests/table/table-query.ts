import type { Input } from '../../../../shared/api/index';
import type { AuditRequest } from '../../../../shared/api/requests';
import { REQUEST_STATUSES, compareRequestRefs } from '../../../../shared/domain/requests';
import type { SortDir } from '../../../components/SortableTh';

/** What the consultant narrows the list to before a call with the auditor. */
export interface RequestFilters {
  overdue: boolean;
  waitingForReview: boolean;
  notSubmitted: boolean;
  ownerId: string | null;
  wave: string | null;
  search: string;
}

export const NO_FILTERS: RequestFilters = {
  overdue: false,
  waitingForReview: false,
  notSubmitted: false,
  ownerId: null,
  wave: null,
  search: '',
};

export type RequestSortKey =
  'ref' | 'description' | 'type' | 'wave' | 'owner' | 'due' | 'status' | 'auditor' | 'comments';

export interface RequestSort {
  key: RequestSortKey;
  dir: SortDir;
}

/** The auditor's order (PBC-2 before PBC-10): the order the server pages in. */
export const DEFAULT_SORT: RequestSort = { key: 'ref', dir: 'asc' };

export const isServerOrder = (sort: RequestSort) =>
  sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir;

type ListInput = Input<'requests.list'>;

/** The filters as `requests.list` takes them: unset ones are left out, not sent as false. */
export function filtersToQuery(f: RequestFilters): Omit<ListInput, 'limit' | 'cursor'> {
  const q: Omit<ListInput, 'limit' | 'cursor'> = {};
  if (f.overdue) q.overdue = true;
  if (f.waitingForReview) q.waitingForReview = true;
  if (f.notSubmitted) q.notSubmitted = true;
  if (f.ownerId) q.ownerId = f.ownerId;
  if (f.wave) q.wave = f.wave;
  const search = f.search.trim();
  if (search) q.search = search.slice(0, 200);
  return q;
}

export function activeFilterCount(f: RequestFilters): number {
  return [f.overdue, f.waitingForReview, f.notSubmitted, f.ownerId, f.wave, f.search.trim()].filter(
    Boolean,
  ).length;
}

const text = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Empty values sort last whichever way the column is sorted: they are what is left to do. */
function compareMaybe<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, dir: number) {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return cmp(a, b) * dir;
}

/**
 * Sorts loaded requests by a column; ties keep the auditor's order. `ownerName` resolves an
 * owner id to the name shown (the file's text when the owner matched no one in People).
 */
export function sortRequests(
  items: readonly AuditRequest[],
  sort: RequestSort,
  ownerName: (r: AuditRequest) => string | null,
): AuditRequest[] {
  const dir = sort.dir === 'asc' ? 1 : -1;
  const byText = (pick: (r: AuditRequest) => string | null) => (a: AuditRequest, b: AuditRequest) =>
    compareMaybe(pick(a) || null, pick(b) || null, text.compare, dir);
  const byNumber =
    (pick: (r: AuditRequest) => number | null) => (a: AuditRequest, b: AuditRequest) =>
      compareMaybe(pick(a), pick(b), (x, y) => x - y, dir);
  const compare: Record<RequestSortKey, (a: AuditRequest, b: AuditRequest) => number> = {
    ref: (a, b) => compareRequestRefs(a.ref, b.ref) * dir,
    description: byText((r) => r.description),
    type: byText((r) => r.type),
    wave: byText((r) => r.wave),
    owner: byText(ownerName),
    due: byText((r) => r.dueOn),
    status: byNumber((r) => REQUEST_STATUSES.indexOf(r.status)),
    auditor: byText((r) => r.auditorStatus),
    comments: byNumber((r) => r.commentCount),
  };
  const primary = compare[sort.key];
  return [...items].sort((a, b) => primary(a, b) || compareRequestRefs(a.ref, b.ref));
}

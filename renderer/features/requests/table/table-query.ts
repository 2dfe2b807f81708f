import type { Input } from '../../../../shared/api/index';
import { DEFAULT_REQUEST_SORT, type RequestSort } from '../../../../shared/api/requests';

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

export type { RequestSort, RequestSortKey } from '../../../../shared/api/requests';

/** The auditor's order (PBC-2 before PBC-10), as `requests.list` sorts by default. */
export const DEFAULT_SORT: RequestSort = DEFAULT_REQUEST_SORT;

type ListInput = Input<'requests.list'>;

/**
 * The filters and the order as `requests.list` takes them: unset filters are left out, not sent
 * as false; the server sorts and pages, so a sorted list needs only its first page.
 */
export function filtersToQuery(
  f: RequestFilters,
  sort: RequestSort = DEFAULT_SORT,
): Omit<ListInput, 'limit' | 'cursor'> {
  const q: Omit<ListInput, 'limit' | 'cursor'> = { sort };
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

/** Reading the request list: filtered and sorted on the server, then paged. */
import { AttestError } from '../../../shared/api/errors';
import {
  type AuditRequest,
  type AuditRequestDetail,
  DEFAULT_REQUEST_SORT,
  type RequestSort,
} from '../../../shared/api/requests';
import { compareRequestRefs, type RequestStatus } from '../../../shared/domain/requests';
import { listPeople } from '../../db/repos/people';
import type { RequestTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { requestLinksOf } from './links';
import { controlsByCriterion } from './lookups';
import { type RequestViewContext, toComment, toRequest } from './mapping';
import {
  commentCounts,
  getRequestByRef,
  getRequestRow,
  listCommentRows,
  listRequestRows,
} from './repo';
import { type OwnerName, requestComparator } from './sort';

export interface RequestQuery {
  limit: number;
  cursor?: string | undefined;
  overdue?: boolean | undefined;
  ownerId?: string | undefined;
  wave?: string | undefined;
  waitingForReview?: boolean | undefined;
  notSubmitted?: boolean | undefined;
  status?: RequestStatus | undefined;
  search?: string | undefined;
  includeArchived: boolean;
  /** The auditor's reference order when omitted. */
  sort?: RequestSort | undefined;
}

export function viewContext(vault: Vault): RequestViewContext {
  return {
    today: vault.now().slice(0, 10),
    commentCounts: commentCounts(vault.db),
    controlsByCriterion: controlsByCriterion(vault),
  };
}

function matches(r: AuditRequest, q: Omit<RequestQuery, 'limit' | 'cursor'>): boolean {
  const needle = q.search?.toLowerCase();
  return (
    (q.overdue === undefined || r.overdue === q.overdue) &&
    (!q.ownerId || r.ownerId === q.ownerId) &&
    (!q.wave || r.wave === q.wave) &&
    (!q.waitingForReview || r.status === 'ready_for_review') &&
    (!q.notSubmitted || r.status !== 'submitted') &&
    (!q.status || r.status === q.status) &&
    (!needle ||
      [r.ref, r.description, r.ownerText ?? '', ...r.auditorColumns.map((c) => c.value)]
        .join('\n')
        .toLowerCase()
        .includes(needle))
  );
}

/** Owners by the name the list shows: the person's, else the text the file gave. */
function ownerNames(vault: Vault): OwnerName {
  const names = new Map(listPeople(vault.db, true).map((p) => [p.id, p.name]));
  return (r) => (r.ownerId ? names.get(r.ownerId) : undefined) ?? r.ownerText;
}

/** Every request matching the filters, in the order asked for (the auditor's by default). */
export function filterRequests(
  vault: Vault,
  q: Omit<RequestQuery, 'limit' | 'cursor'>,
): AuditRequest[] {
  const ctx = viewContext(vault);
  const links = requestLinksOf(vault);
  return listRequestRows(vault.db, q.includeArchived)
    .map((row) => toRequest(row, links(row.id), ctx))
    .filter((r) => matches(r, q))
    .sort(requestComparator(q.sort ?? DEFAULT_REQUEST_SORT, ownerNames(vault)));
}

/**
 * A page of the sorted list. The cursor is the reference of the last request of the previous
 * page; the next page starts after where that request sorts now (keyset paging: a request
 * edited or archived meanwhile neither repeats nor hides the ones after it).
 */
export function listRequests(
  vault: Vault,
  q: RequestQuery,
): { items: AuditRequest[]; nextCursor: string | null; total: number } {
  const sort = q.sort ?? DEFAULT_REQUEST_SORT;
  const all = filterRequests(vault, { ...q, sort });
  const start = q.cursor === undefined ? 0 : startAfter(vault, all, q.cursor, sort);
  const items = start < 0 ? [] : all.slice(start, start + q.limit);
  const more = start >= 0 && start + q.limit < all.length;
  return { items, nextCursor: more ? items.at(-1)!.ref : null, total: all.length };
}

/** Where the page after the cursor's request starts in `all` (-1: nothing after it). */
function startAfter(vault: Vault, all: AuditRequest[], ref: string, sort: RequestSort): number {
  if (sort.key === 'ref') {
    // The reference alone places it: it need not exist any more.
    const dir = sort.dir === 'asc' ? 1 : -1;
    return all.findIndex((r) => compareRequestRefs(r.ref, ref) * dir > 0);
  }
  const row = getRequestByRef(vault.db, ref);
  if (!row) {
    throw new AttestError('validation', 'The cursor names no request; read the list again', [
      { path: ['cursor'], message: 'No request has this reference' },
    ]);
  }
  const after = toRequest(row, requestLinksOf(vault, [row.id])(row.id), viewContext(vault));
  const compare = requestComparator(sort, ownerNames(vault));
  return all.findIndex((r) => compare(r, after) > 0);
}

export function requireRequestRow(vault: Vault, id: string): RequestTable {
  const row = getRequestRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No request ${id} in this vault`);
  return row;
}

export function getRequest(vault: Vault, id: string): AuditRequest {
  return toRequest(
    requireRequestRow(vault, id),
    requestLinksOf(vault, [id])(id),
    viewContext(vault),
  );
}

export function getRequestDetail(vault: Vault, id: string): AuditRequestDetail {
  const request = getRequest(vault, id);
  return { request, comments: listCommentRows(vault.db, id).map(toComment) };
}

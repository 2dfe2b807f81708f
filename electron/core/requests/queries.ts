/** Reading the request list: filtered and sorted on the server, then paged. */
import { AttestError } from '../../../shared/api/errors';
import {
  type AuditRequest,
  type AuditRequestDetail,
  DEFAULT_REQUEST_SORT,
  type RequestSort,
} from '../../../shared/api/requests';
import type { RequestStatus } from '../../../shared/domain/requests';
import { activeControlsByCriterion } from '../../db/repos/links';
import {
  type RequestListFilter,
  countRequests,
  listRequestPage,
  requestsMatching,
} from '../../db/repos/request-list';
import { commentCounts, getRequestRow, listCommentRows } from '../../db/repos/requests';
import type { RequestTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { requestLinksOf } from './links';
import { type RequestViewContext, toComment, toRequest } from './mapping';

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

/** What mapping these rows needs, read for them only (a page, not the whole vault). */
export function viewContext(vault: Vault, rows: readonly RequestTable[]) {
  const ids = rows.map((r) => r.id);
  const links = requestLinksOf(vault, ids);
  const criteria = [...new Set(ids.flatMap((id) => links(id).criteria))];
  const ctx: RequestViewContext = {
    today: today(vault),
    commentCounts: commentCounts(vault.db, ids),
    controlsByCriterion: activeControlsByCriterion(vault.db, criteria),
  };
  return (row: RequestTable) => toRequest(row, links(row.id), ctx);
}

const today = (vault: Vault) => vault.now().slice(0, 10);

function filterOf(q: Omit<RequestQuery, 'limit' | 'cursor' | 'sort'>): RequestListFilter {
  return {
    overdue: q.overdue,
    ownerId: q.ownerId,
    wave: q.wave,
    waitingForReview: q.waitingForReview,
    notSubmitted: q.notSubmitted,
    status: q.status,
    search: q.search,
    includeArchived: q.includeArchived,
  };
}

/** Every request matching the filters, in the order asked for (the auditor's by default). */
export function filterRequests(
  vault: Vault,
  q: Omit<RequestQuery, 'limit' | 'cursor'>,
): AuditRequest[] {
  const out: AuditRequest[] = [];
  const sort = q.sort ?? DEFAULT_REQUEST_SORT;
  for (const rows of requestsMatching(vault.db, filterOf(q), sort, today(vault))) {
    out.push(...rows.map(viewContext(vault, rows)));
  }
  return out;
}

/**
 * A page of the sorted list, read by SQL. The cursor is the reference of the last request of
 * the previous page; the next page starts after where that request sorts now (keyset paging: a
 * request edited or archived meanwhile neither repeats nor hides the ones after it).
 */
export function listRequests(
  vault: Vault,
  q: RequestQuery,
): { items: AuditRequest[]; nextCursor: string | null; total: number } {
  const sort = q.sort ?? DEFAULT_REQUEST_SORT;
  const filter = filterOf(q);
  const page = listRequestPage(
    vault.db,
    filter,
    sort,
    { limit: q.limit, afterRef: q.cursor },
    today(vault),
  );
  if (!page) {
    throw new AttestError('validation', 'The cursor names no request; read the list again', [
      { path: ['cursor'], message: 'No request has this reference' },
    ]);
  }
  const items = page.rows.map(viewContext(vault, page.rows));
  return {
    items,
    nextCursor: page.more ? items.at(-1)!.ref : null,
    total: countRequests(vault.db, filter, today(vault)),
  };
}

export function requireRequestRow(vault: Vault, id: string): RequestTable {
  const row = getRequestRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No request ${id} in this vault`);
  return row;
}

export function getRequest(vault: Vault, id: string): AuditRequest {
  const row = requireRequestRow(vault, id);
  return viewContext(vault, [row])(row);
}

export function getRequestDetail(vault: Vault, id: string): AuditRequestDetail {
  const request = getRequest(vault, id);
  return { request, comments: listCommentRows(vault.db, id).map(toComment) };
}

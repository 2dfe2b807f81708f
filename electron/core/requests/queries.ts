/** Reading the request list: filtered on the server, in the auditor's reference order, paged. */
import { AttestError } from '../../../shared/api/errors';
import type { AuditRequest, AuditRequestDetail } from '../../../shared/api/requests';
import { compareRequestRefs, type RequestStatus } from '../../../shared/domain/requests';
import type { RequestTable } from '../../db/schema';
import type { Vault } from '../vault/session';
import { controlsByCriterion } from './lookups';
import { type RequestViewContext, toComment, toRequest } from './mapping';
import { commentCounts, getRequestRow, listCommentRows, listRequestRows } from './repo';

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

/** Every request matching the filters, in reference order (PBC-2 before PBC-10). */
export function filterRequests(
  vault: Vault,
  q: Omit<RequestQuery, 'limit' | 'cursor'>,
): AuditRequest[] {
  const ctx = viewContext(vault);
  return listRequestRows(vault.db, q.includeArchived)
    .map((row) => toRequest(row, ctx))
    .filter((r) => matches(r, q))
    .sort((a, b) => compareRequestRefs(a.ref, b.ref));
}

/** A page of the filtered list; the cursor is the last reference of the previous page. */
export function listRequests(
  vault: Vault,
  q: RequestQuery,
): { items: AuditRequest[]; nextCursor: string | null; total: number } {
  const all = filterRequests(vault, q);
  const cursor = q.cursor;
  const start = cursor ? all.findIndex((r) => compareRequestRefs(r.ref, cursor) > 0) : 0;
  const items = start < 0 ? [] : all.slice(start, start + q.limit);
  const more = start >= 0 && start + q.limit < all.length;
  return { items, nextCursor: more ? items.at(-1)!.ref : null, total: all.length };
}

export function requireRequestRow(vault: Vault, id: string): RequestTable {
  const row = getRequestRow(vault.db, id);
  if (!row) throw new AttestError('not_found', `No request ${id} in this vault`);
  return row;
}

export function getRequest(vault: Vault, id: string): AuditRequest {
  return toRequest(requireRequestRow(vault, id), viewContext(vault));
}

export function getRequestDetail(vault: Vault, id: string): AuditRequestDetail {
  const request = getRequest(vault, id);
  return { request, comments: listCommentRows(vault.db, id).map(toComment) };
}

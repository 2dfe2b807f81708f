/** Request rows to the contract's shapes. Rows never cross the contract. */
import type { AuditRequest, RequestComment } from '../../../shared/api/requests';
import { isRequestOverdue, type RequestStatus } from '../../../shared/domain/requests';
import type { RequestCommentTable, RequestTable } from '../../db/schema';
import type { RequestLinks } from './plan';

export type Columns = [string, string][];

export const columnsOf = (json: string) =>
  (JSON.parse(json) as Columns).map(([header, value]) => ({ header, value }));

export interface RequestViewContext {
  today: string;
  commentCounts: Map<string, number>;
  /** Active control ids per criterion id, from the current mapping. */
  controlsByCriterion: Map<string, string[]>;
}

export function toRequest(
  row: RequestTable,
  links: RequestLinks,
  ctx: RequestViewContext,
): AuditRequest {
  const status = row.status as RequestStatus;
  const { criteria } = links;
  const viaCriteria = new Set(criteria.flatMap((id) => ctx.controlsByCriterion.get(id) ?? []));
  return {
    id: row.id,
    ref: row.ref,
    description: row.description,
    type: row.type as AuditRequest['type'],
    wave: row.wave,
    criteria,
    controlIds: links.controlIds,
    controlIdsViaCriteria: [...viaCriteria].sort(),
    period: {
      text: row.period_text,
      start: row.period_start,
      end: row.period_end,
      asOf: row.as_of,
    },
    ownerId: row.owner_id,
    ownerText: row.owner_text,
    reviewerId: row.reviewer_id,
    dueOn: row.due_on,
    status,
    submittedOn: row.submitted_on,
    auditorStatus: row.auditor_status as AuditRequest['auditorStatus'],
    overdue: row.archived_at === null && isRequestOverdue(row.due_on, status, ctx.today),
    auditorColumns: columnsOf(row.source_columns),
    extraColumns: columnsOf(row.extra_columns),
    importId: row.import_id,
    commentCount: ctx.commentCounts.get(row.id) ?? 0,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toComment(row: RequestCommentTable): RequestComment {
  return {
    id: row.id,
    requestId: row.request_id,
    author: row.author,
    authorPersonId: row.author_person_id,
    body: row.body,
    source: row.source,
    createdAt: row.created_at,
  };
}

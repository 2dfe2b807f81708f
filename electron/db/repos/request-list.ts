/**
 * The request list in SQL (DESIGN §2): filtered, ordered by any column with empty values last,
 * paged by keyset after the last reference seen, counted by SQL. Nothing reads the whole table
 * into JavaScript to return a page.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { RequestSort } from '../../../shared/api/requests';
import {
  AUDITOR_STATUSES,
  REQUEST_STATUSES,
  type RequestStatus,
} from '../../../shared/domain/requests';
import { naturalSortKey } from '../../../shared/domain/natural-sort';
import { type VaultDb, all, first } from '../connection';
import type { RequestTable } from '../schema';
import { type OrderTerm, after, emptyLast, keyColumns, ordered, term } from './keyset';
import { containsText } from './search';

export interface RequestListFilter {
  overdue?: boolean | undefined;
  ownerId?: string | undefined;
  wave?: string | undefined;
  waitingForReview?: boolean | undefined;
  notSubmitted?: boolean | undefined;
  status?: RequestStatus | undefined;
  search?: string | undefined;
  includeArchived: boolean;
}

/** A workflow order as a number: a CASE over the values in their order. */
function rank(column: string, values: readonly string[]) {
  return sql`(CASE ${sql.ref(column)} ${sql.join(
    values.map((v, i) => sql`WHEN ${v} THEN ${i}`),
    sql` `,
  )} END)`;
}

/** The terms of each sort; every one ends in the auditor's order and the id (unique). */
export function requestOrder(sort: RequestSort): OrderTerm[] {
  const tail = [term('r.ref_sort'), term('r.id')];
  const { dir } = sort;
  switch (sort.key) {
    case 'ref':
      return [term('r.ref_sort', dir), term('r.id', dir)];
    case 'description':
      return [...emptyLast(sql`(r.description COLLATE NOCASE)`, dir, { blank: true }), ...tail];
    case 'type':
      return [...emptyLast(sql`r.type`, dir), ...tail];
    case 'wave':
      return [...emptyLast(sql`r.wave_sort`, dir), ...tail];
    case 'owner':
      // The name the list shows: the person's, else the owner text the file gave.
      return [
        ...emptyLast(sql`(COALESCE(p.name, r.owner_text) COLLATE NOCASE)`, dir, { blank: true }),
        ...tail,
      ];
    case 'dueOn':
      return [...emptyLast(sql`r.due_on`, dir), ...tail];
    case 'status':
      return [{ expr: rank('r.status', REQUEST_STATUSES), dir }, ...tail];
    case 'auditorStatus':
      return [...emptyLast(rank('r.auditor_status', AUDITOR_STATUSES), dir), ...tail];
    case 'commentCount':
      return [
        {
          expr: sql`(SELECT count(*) FROM request_comment c WHERE c.request_id = r.id)`,
          dir,
        },
        ...tail,
      ];
    default: {
      const unknown: never = sort.key;
      throw new Error(`No order for request sort ${String(unknown)}`);
    }
  }
}

function filtered(db: VaultDb, f: RequestListFilter, today: string) {
  let q = db.qb.selectFrom('request as r').leftJoin('person as p', 'p.id', 'r.owner_id');
  if (!f.includeArchived) q = q.where('r.archived_at', 'is', null);
  if (f.overdue !== undefined) {
    const overdue: Expression<SqlBool> = sql<SqlBool>`(r.archived_at IS NULL AND r.due_on IS NOT NULL
      AND r.status <> 'submitted' AND r.due_on < ${today})`;
    q = q.where(f.overdue ? overdue : sql<SqlBool>`NOT ${overdue}`);
  }
  if (f.ownerId) q = q.where('r.owner_id', '=', f.ownerId);
  if (f.wave) q = q.where('r.wave', '=', f.wave);
  if (f.waitingForReview) q = q.where('r.status', '=', 'ready_for_review');
  if (f.notSubmitted) q = q.where('r.status', '<>', 'submitted');
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.search) {
    // The auditor's columns are searched in their stored JSON: values and headers alike.
    q = q.where(
      containsText(['r.ref', 'r.description', 'r.owner_text', 'r.source_columns'], f.search),
    );
  }
  return q;
}

/**
 * One page: the requests sorting after `afterRef` (the last reference of the previous page; it
 * may have been edited or archived since — its current keys place it). Returns null when the
 * cursor names no request.
 */
export function listRequestPage(
  db: VaultDb,
  f: RequestListFilter,
  sort: RequestSort,
  page: { limit: number; afterRef?: string | undefined },
  today: string,
): { rows: RequestTable[]; more: boolean } | null {
  const terms = requestOrder(sort);
  let q = ordered(filtered(db, f, today).selectAll('r'), terms).limit(page.limit + 1);
  if (page.afterRef !== undefined) {
    const keys = first(
      db,
      db.qb
        .selectFrom('request as r')
        .leftJoin('person as p', 'p.id', 'r.owner_id')
        .select(keyColumns(terms))
        .where('r.ref', '=', page.afterRef),
    ) as Record<string, unknown> | undefined;
    if (keys) {
      q = q.where(
        after(
          terms,
          terms.map((_, i) => keys[`k${i}`] ?? null),
        ),
      );
    } else if (sort.key === 'ref') {
      // In the auditor's order the reference alone places the cursor: it need not exist any more.
      q = q.where(after([terms[0]!], [naturalSortKey(page.afterRef)]));
    } else {
      return null;
    }
  }
  const rows = all(db, q) as RequestTable[];
  return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
}

export function countRequests(db: VaultDb, f: RequestListFilter, today: string): number {
  const row = first(
    db,
    filtered(db, f, today).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return Number(row?.n ?? 0);
}

/** Every request matching the filter, in order (exports, bulk actions): ids and rows by page. */
export function* requestsMatching(
  db: VaultDb,
  f: RequestListFilter,
  sort: RequestSort,
  today: string,
  pageSize = 500,
): Generator<RequestTable[]> {
  let afterRef: string | undefined;
  for (;;) {
    const page = listRequestPage(db, f, sort, { limit: pageSize, afterRef }, today);
    if (!page || page.rows.length === 0) return;
    yield page.rows;
    if (!page.more) return;
    afterRef = page.rows.at(-1)!.ref;
  }
}

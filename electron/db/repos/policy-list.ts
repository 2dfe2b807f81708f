/**
 * The policy library as a list (DESIGN §2): searched, ordered and paged in SQL, counted by SQL.
 * The state, the version in force and its next review are derived from the versions, so they
 * are ordered by subqueries over `policy_version` rather than by stored columns.
 */
import { type RawBuilder, sql } from 'kysely';
import type { PolicySortKey } from '../../../shared/api/policies';
import type { VaultDb } from '../connection';
import type { PolicyTable } from '../schema';
import { type OrderTerm, countOf, emptyLast, keysetPage, term } from './keyset';
import type { ListSort, Page, PageRequest } from './lists';
import { containsText } from './search';

export interface PolicyListFilter {
  search?: string | undefined;
  includeArchived: boolean;
}

type Dir = 'asc' | 'desc';

/**
 * A column of the version in force on `today`: the approved version that took effect last by
 * then (the higher number when two took effect the same day) — the rule of `inForceOn`.
 */
function inForce(column: 'effective_on' | 'next_review_on', today: string): RawBuilder<unknown> {
  return sql`(SELECT ${sql.ref(`v.${column}`)} FROM policy_version v
    WHERE v.policy_id = p.id AND v.status = 'approved' AND v.effective_on <= ${today}
    ORDER BY v.effective_on DESC, v.number DESC LIMIT 1)`;
}

const hasVersion = (status: 'draft' | 'approved') =>
  sql`EXISTS (SELECT 1 FROM policy_version v WHERE v.policy_id = p.id AND v.status = ${status})`;

/** Not written (0), draft (1), approved (2), approved with a new draft (3): how far along. */
const statusRank = sql`(CASE WHEN ${hasVersion('approved')}
  THEN (CASE WHEN ${hasVersion('draft')} THEN 3 ELSE 2 END)
  ELSE (CASE WHEN ${hasVersion('draft')} THEN 1 ELSE 0 END) END)`;

function policyOrder(sort: ListSort<PolicySortKey>, today: string): OrderTerm[] {
  const { dir } = sort;
  const byTitle = (d: Dir) => [{ expr: sql`(p.title COLLATE NOCASE)`, dir: d }, term('p.id', d)];
  switch (sort.key) {
    case 'title':
      return byTitle(dir);
    case 'owner':
      return [...emptyLast(sql`(o.name COLLATE NOCASE)`, dir), ...byTitle('asc')];
    case 'inForce':
      return [...emptyLast(inForce('effective_on', today), dir), ...byTitle('asc')];
    case 'status':
      return [{ expr: statusRank, dir }, ...byTitle('asc')];
    case 'nextReview':
      return [...emptyLast(inForce('next_review_on', today), dir), ...byTitle('asc')];
    default: {
      const unknown: never = sort.key;
      throw new Error(`No order for policy sort ${String(unknown)}`);
    }
  }
}

function policiesWhere(db: VaultDb, f: PolicyListFilter) {
  let q = db.qb.selectFrom('policy as p').leftJoin('person as o', 'o.id', 'p.owner_id');
  if (!f.includeArchived) q = q.where('p.archived_at', 'is', null);
  if (f.search) q = q.where(containsText(['p.title'], f.search));
  return q;
}

/** One page of policy rows; `today` decides which version is in force. */
export function listPolicyPage(
  db: VaultDb,
  f: PolicyListFilter,
  sort: ListSort<PolicySortKey>,
  page: PageRequest,
  today: string,
): Page<PolicyTable> {
  const { rows, nextCursor } = keysetPage(
    db,
    policiesWhere(db, f).selectAll('p'),
    policyOrder(sort, today),
    page,
  );
  return { rows: rows as PolicyTable[], nextCursor, total: countOf(db, policiesWhere(db, f)) };
}

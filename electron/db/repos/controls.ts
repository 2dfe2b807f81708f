import type { ControlTable, CriterionTable } from '../schema';
import { type VaultDb, all, first, runExpect } from '../connection';
import { countOf } from './keyset';
import { containsText } from './search';

export function listCriterionRows(db: VaultDb): CriterionTable[] {
  return all(db, db.qb.selectFrom('criterion').selectAll().orderBy('sort_key'));
}

export function getCriterionRow(db: VaultDb, id: string): CriterionTable | undefined {
  return first(db, db.qb.selectFrom('criterion').selectAll().where('id', '=', id));
}

export function insertCriterion(db: VaultDb, row: CriterionTable): void {
  runExpect(db, db.qb.insertInto('criterion').values(row));
}

export function updateCriterion(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<CriterionTable, 'id'>>,
): void {
  runExpect(db, db.qb.updateTable('criterion').set(patch).where('id', '=', id));
}

export interface ControlFilterQuery {
  search?: string | undefined;
  criterionId?: string | undefined;
  domain?: string | undefined;
  includeArchived: boolean;
}

export interface ControlPageQuery extends ControlFilterQuery {
  limit: number;
  /** The reference of the last control of the previous page. */
  cursor?: string | undefined;
}

/** The controls a filter selects, in SQL: the criterion through its link rows, the search over reference, title and description. */
function filteredControls(db: VaultDb, q: ControlFilterQuery) {
  let query = db.qb.selectFrom('control');
  if (!q.includeArchived) query = query.where('archived_at', 'is', null);
  if (q.domain) query = query.where('domain', '=', q.domain);
  if (q.criterionId) {
    const criterionId = q.criterionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('control_criterion as l')
          .select('l.control_id')
          .whereRef('l.control_id', '=', 'control.id')
          .where('l.criterion_id', '=', criterionId),
      ),
    );
  }
  if (q.search) query = query.where(containsText(['ref', 'title', 'description'], q.search));
  return query;
}

/**
 * A page of controls by reference, filtered in SQL. One row more than the page is read, to know
 * whether another page follows.
 */
export function listControlPage(
  db: VaultDb,
  q: ControlPageQuery,
): { rows: ControlTable[]; more: boolean; total: number } {
  let query = filteredControls(db, q);
  const total = countOf(db, query);
  if (q.cursor !== undefined) query = query.where('ref', '>', q.cursor);
  const rows = all(
    db,
    query
      .selectAll()
      .orderBy('ref')
      .limit(q.limit + 1),
  );
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit, total };
}

/** Every control a filter selects ("select all matching"), by reference: ids only. */
export function controlIdsMatching(db: VaultDb, q: ControlFilterQuery): string[] {
  return all(db, filteredControls(db, q).select('id').orderBy('ref')).map((r) => r.id);
}

export function listControlRows(
  db: VaultDb,
  options: { includeArchived?: boolean } = {},
): ControlTable[] {
  let q = db.qb.selectFrom('control').selectAll().orderBy('ref');
  if (!options.includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q);
}

export function getControlRow(db: VaultDb, id: string): ControlTable | undefined {
  return first(db, db.qb.selectFrom('control').selectAll().where('id', '=', id));
}

export function getControlByRef(db: VaultDb, ref: string): ControlTable | undefined {
  return first(db, db.qb.selectFrom('control').selectAll().where('ref', '=', ref));
}

export function insertControl(db: VaultDb, row: ControlTable): void {
  runExpect(db, db.qb.insertInto('control').values(row));
}

export function updateControlRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<ControlTable, 'id'>>,
): void {
  runExpect(db, db.qb.updateTable('control').set(patch).where('id', '=', id));
}

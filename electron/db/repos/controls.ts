import type { ControlTable, CriterionTable } from '../schema';
import { type VaultDb, all, first, runExpect } from '../connection';

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

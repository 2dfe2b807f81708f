import { type VaultDb, all, first, run, runExpect } from '../connection';
import type {
  CuecTable,
  SdComponentTable,
  SdEventTable,
  SdTextTable,
  SubserviceOrgTable,
} from '../schema';

/**
 * Plain repository functions for the system-description tables (DESIGN §3: `(db, …)`, kysely
 * builders, run synchronously). Used by the sd use cases.
 */

/** The tables that hold one kind of record each, with an `id` and `archived_at`. */
export interface SdRecordTables {
  sd_component: SdComponentTable;
  subservice_org: SubserviceOrgTable;
  cuec: CuecTable;
  sd_event: SdEventTable;
}
export type SdRecordTable = keyof SdRecordTables;

/**
 * The four tables share `id`, `archived_at` and `created_at`, which is all these queries touch;
 * kysely cannot follow a generic table name through its types, so the name is typed as one of
 * them (`cuec`) and the row type is restored on the way out. The SQL is the same for each.
 */
const as = <T extends SdRecordTable>(table: T) => table as SdRecordTable as 'cuec';

export function listRows<T extends SdRecordTable>(
  db: VaultDb,
  table: T,
  includeArchived: boolean,
): SdRecordTables[T][] {
  let q = db.qb.selectFrom(as(table)).selectAll().orderBy('created_at').orderBy('id');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q) as unknown[] as SdRecordTables[T][];
}

export function getRow<T extends SdRecordTable>(
  db: VaultDb,
  table: T,
  id: string,
): SdRecordTables[T] | undefined {
  const row = first(db, db.qb.selectFrom(as(table)).selectAll().where('id', '=', id));
  return row as unknown as SdRecordTables[T] | undefined;
}

export function insertRow<T extends SdRecordTable>(
  db: VaultDb,
  table: T,
  row: SdRecordTables[T],
): void {
  runExpect(db, db.qb.insertInto(as(table)).values(row as unknown as CuecTable));
}

export function updateRow<T extends SdRecordTable>(
  db: VaultDb,
  table: T,
  id: string,
  patch: Partial<Omit<SdRecordTables[T], 'id'>>,
): void {
  runExpect(
    db,
    db.qb
      .updateTable(as(table))
      .set(patch as Partial<CuecTable>)
      .where('id', '=', id),
  );
}

// --- sd_text ---------------------------------------------------------------------------------

export function listTextRows(db: VaultDb): SdTextTable[] {
  return all(db, db.qb.selectFrom('sd_text').selectAll());
}

export function getTextRow(db: VaultDb, key: string): SdTextTable | undefined {
  return first(db, db.qb.selectFrom('sd_text').selectAll().where('key', '=', key));
}

/** Inserts or replaces one text; answers whether the row was new (for the audit action). */
export function putTextRow(db: VaultDb, row: SdTextTable): 'create' | 'update' {
  const exists = getTextRow(db, row.key) !== undefined;
  if (exists) {
    runExpect(
      db,
      db.qb
        .updateTable('sd_text')
        .set({ content: row.content, updated_at: row.updated_at })
        .where('key', '=', row.key),
    );
  } else {
    runExpect(db, db.qb.insertInto('sd_text').values(row));
  }
  return exists ? 'update' : 'create';
}

export function deleteTextRow(db: VaultDb, key: string): boolean {
  return run(db, db.qb.deleteFrom('sd_text').where('key', '=', key)).changes === 1;
}

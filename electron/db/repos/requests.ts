/** Plain data access for the request tables; every write is audited by the caller. */
import { type VaultDb, all, first, runExpect } from '../connection';
import { naturalSortKey } from '../../../shared/domain/natural-sort';
import type { RequestCommentTable, RequestImportTable, RequestTable } from '../schema';

export function listRequestRows(db: VaultDb, includeArchived = false): RequestTable[] {
  let q = db.qb.selectFrom('request').selectAll();
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q);
}

export function getRequestRow(db: VaultDb, id: string): RequestTable | undefined {
  return first(db, db.qb.selectFrom('request').selectAll().where('id', '=', id));
}

export function getRequestByRef(db: VaultDb, ref: string): RequestTable | undefined {
  return first(db, db.qb.selectFrom('request').selectAll().where('ref', '=', ref));
}

/** The sort keys are derived here, from the texts they order, whoever writes the row. */
export function insertRequest(
  db: VaultDb,
  row: Omit<RequestTable, 'ref_sort' | 'wave_sort'>,
): void {
  const ref_sort = naturalSortKey(row.ref);
  const wave_sort = row.wave === null ? null : naturalSortKey(row.wave);
  runExpect(db, db.qb.insertInto('request').values({ ...row, ref_sort, wave_sort }));
}

export function updateRequestRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<RequestTable, 'id' | 'ref_sort' | 'wave_sort'>>,
): void {
  runExpect(
    db,
    db.qb
      .updateTable('request')
      .set({ ...patch, ...sortKeys(patch) })
      .where('id', '=', id),
  );
}

function sortKeys(row: { ref?: string; wave?: string | null }) {
  return {
    ...(row.ref !== undefined ? { ref_sort: naturalSortKey(row.ref) } : {}),
    ...(row.wave !== undefined
      ? { wave_sort: row.wave === null ? null : naturalSortKey(row.wave) }
      : {}),
  };
}

export function listCommentRows(db: VaultDb, requestId: string): RequestCommentTable[] {
  return all(
    db,
    db.qb
      .selectFrom('request_comment')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('id'),
  );
}

/** Comment counts of some requests (a page), for lists. */
export function commentCounts(db: VaultDb, requestIds: readonly string[]): Map<string, number> {
  if (requestIds.length === 0) return new Map();
  const rows = all(
    db,
    db.qb
      .selectFrom('request_comment')
      .select((eb) => ['request_id', eb.fn.countAll<number>().as('n')])
      .where('request_id', 'in', [...requestIds])
      .groupBy('request_id'),
  );
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}

export function insertComment(db: VaultDb, row: RequestCommentTable): void {
  runExpect(db, db.qb.insertInto('request_comment').values(row));
}

export function insertImport(db: VaultDb, row: RequestImportTable): void {
  runExpect(db, db.qb.insertInto('request_import').values(row));
}

export function listImportRows(db: VaultDb): RequestImportTable[] {
  return all(
    db,
    db.qb.selectFrom('request_import').selectAll().orderBy('imported_at').orderBy('id'),
  );
}

/** The texts each request's thread already has from imports (so a re-import adds none twice). */
export function importedCommentBodies(db: VaultDb): Map<string, Set<string>> {
  const rows = all(
    db,
    db.qb
      .selectFrom('request_comment')
      .select(['request_id', 'body'])
      .where('source', '=', 'import'),
  );
  const map = new Map<string, Set<string>>();
  for (const r of rows) map.set(r.request_id, (map.get(r.request_id) ?? new Set()).add(r.body));
  return map;
}

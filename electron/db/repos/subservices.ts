import { type VaultDb, all, runExpect } from '../connection';

/** Active carved-out subservice organisations, with the criteria each supports. */
export function listCarveOuts(
  db: VaultDb,
): { id: string; name: string; monitoringControlId: string | null; criteria: string[] }[] {
  const rows = all(
    db,
    db.qb
      .selectFrom('subservice_org as s')
      .leftJoin('subservice_criterion as l', 'l.subservice_id', 's.id')
      .select(['s.id', 's.name', 's.monitoring_control_id', 'l.criterion_id'])
      .where('s.method', '=', 'carve_out')
      .where('s.archived_at', 'is', null)
      .orderBy('s.created_at')
      .orderBy('s.id'),
  );
  const out = new Map<
    string,
    { id: string; name: string; monitoringControlId: string | null; criteria: string[] }
  >();
  for (const r of rows) {
    let org = out.get(r.id);
    if (!org) {
      org = { id: r.id, name: r.name, monitoringControlId: r.monitoring_control_id, criteria: [] };
      out.set(r.id, org);
    }
    if (r.criterion_id) org.criteria.push(r.criterion_id);
  }
  return [...out.values()];
}

/** The criteria each subservice organisation's listed CSOCs support, by organisation. */
export function csocCriteriaByOrg(db: VaultDb): Map<string, string[]> {
  const rows = all(
    db,
    db.qb
      .selectFrom('subservice_csoc as c')
      .innerJoin('csoc_criterion as l', 'l.csoc_id', 'c.id')
      .select(['c.subservice_id', 'l.criterion_id'])
      .distinct(),
  );
  const out = new Map<string, string[]>();
  for (const r of rows)
    out.set(r.subservice_id, [...(out.get(r.subservice_id) ?? []), r.criterion_id]);
  return out;
}

/** Active carved-out organisations that support one criterion. */
export function carveOutsOf(db: VaultDb, criterionId: string): { id: string; name: string }[] {
  return all(
    db,
    db.qb
      .selectFrom('subservice_org as s')
      .innerJoin('subservice_criterion as l', 'l.subservice_id', 's.id')
      .select(['s.id', 's.name'])
      .where('l.criterion_id', '=', criterionId)
      .where('s.method', '=', 'carve_out')
      .where('s.archived_at', 'is', null)
      .orderBy('s.created_at'),
  );
}

/** The CSOCs or vendor CUECs of subservice organisations: numbered rows of one organisation. */
export type PartTable = 'subservice_csoc' | 'subservice_vendor_cuec';

export interface PartRow {
  id: string;
  subservice_id: string;
  position: number;
  description: string;
}

export function listPartRows(
  db: VaultDb,
  table: PartTable,
  subserviceIds?: readonly string[],
): PartRow[] {
  // Both tables have the same columns; kysely cannot follow the union through its types.
  let q = db.qb
    .selectFrom(table as 'subservice_csoc')
    .selectAll()
    .orderBy('subservice_id')
    .orderBy('position');
  if (subserviceIds) q = q.where('subservice_id', 'in', [...subserviceIds]);
  return subserviceIds?.length === 0 ? [] : all(db, q);
}

export function insertPartRow(db: VaultDb, table: PartTable, row: PartRow): void {
  runExpect(db, db.qb.insertInto(table as 'subservice_csoc').values(row));
}

export function updatePartDescription(
  db: VaultDb,
  table: PartTable,
  id: string,
  description: string,
): void {
  runExpect(
    db,
    db.qb
      .updateTable(table as 'subservice_csoc')
      .set({ description })
      .where('id', '=', id),
  );
}

export function deletePartRow(db: VaultDb, table: PartTable, id: string): void {
  runExpect(db, db.qb.deleteFrom(table as 'subservice_csoc').where('id', '=', id));
}

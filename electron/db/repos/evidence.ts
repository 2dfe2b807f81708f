import { type VaultDb, all, first, prepare, runExpect } from '../connection';
import type { EvidenceTable, PopulationTable } from '../schema';

/** Evidence rows (D1): plain reads and writes; the rules live in `electron/core/evidence`. */
export function getEvidenceRow(db: VaultDb, id: string): EvidenceTable | undefined {
  return first(db, db.qb.selectFrom('evidence').selectAll().where('id', '=', id));
}

export function evidenceRowsById(db: VaultDb, ids: readonly string[]): EvidenceTable[] {
  if (ids.length === 0) return [];
  return all(
    db,
    db.qb
      .selectFrom('evidence')
      .selectAll()
      .where('id', 'in', [...ids]),
  );
}

export function nextEvidenceSeq(db: VaultDb): number {
  const row = first(
    db,
    db.qb.selectFrom('evidence').select((eb) => eb.fn.max<number | null>('seq').as('n')),
  );
  return Number(row?.n ?? 0) + 1;
}

export function insertEvidence(db: VaultDb, row: EvidenceTable): void {
  runExpect(db, db.qb.insertInto('evidence').values(row));
}

export function updateEvidenceRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<EvidenceTable, 'id' | 'seq'>>,
): void {
  runExpect(db, db.qb.updateTable('evidence').set(patch).where('id', '=', id));
}

/** Items that an item superseded (its history), newest first. */
export function supersededBy(db: VaultDb, id: string): EvidenceTable[] {
  return all(
    db,
    db.qb
      .selectFrom('evidence')
      .selectAll()
      .where('superseded_by_id', '=', id)
      .orderBy('seq', 'desc'),
  );
}

export function getPopulationRow(db: VaultDb, evidenceId: string): PopulationTable | undefined {
  return first(
    db,
    db.qb.selectFrom('population').selectAll().where('evidence_id', '=', evidenceId),
  );
}

/** Who performs and who owns each of these controls (segregation of duties at review). */
export function controlPeople(
  db: VaultDb,
  controlIds: readonly string[],
): { id: string; ref: string; owner_id: string | null; performer_id: string | null }[] {
  if (controlIds.length === 0) return [];
  return all(
    db,
    db.qb
      .selectFrom('control')
      .select(['id', 'ref', 'owner_id', 'performer_id'])
      .where('id', 'in', [...controlIds])
      .orderBy('ref'),
  );
}

export interface ReviewedEvidenceLink {
  control_id: string;
  /** Null: an instance of the control; else what else the item is for it (migration 020). */
  purpose: 'change_history' | null;
  id: string;
  performed_on: string | null;
  as_of: string | null;
  window_start: string | null;
  window_end: string | null;
  reviewer_id: string;
}

/**
 * Current reviewed evidence with each control it is linked to, in evidence order. Read through
 * the reviewer index, so the cost follows the reviewed items: left to itself SQLite walks every
 * current item (50 000 in the large demo, 225 of them reviewed) — ten times slower there, and
 * never faster, since every reviewed item is read either way.
 */
export function reviewedEvidenceLinks(db: VaultDb): ReviewedEvidenceLink[] {
  return prepare(
    db,
    `SELECT l.control_id, l.purpose, e.id, e.performed_on, e.as_of, e.window_start, e.window_end,
            e.reviewer_id
       FROM evidence e INDEXED BY evidence_reviewer
       JOIN evidence_control l ON l.evidence_id = e.id
      WHERE e.reviewer_id IS NOT NULL AND e.reviewed_on IS NOT NULL AND e.superseded_by_id IS NULL
      ORDER BY e.seq, l.control_id`,
  ).all() as ReviewedEvidenceLink[];
}

/** The controls each of these items is linked to as their configuration's change history. */
export function changeHistoryLinks(
  db: VaultDb,
  evidenceIds: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(evidenceIds)];
  // Chunked like every `IN (…)` list: a page of the large demo's items is well under it.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = all(
      db,
      db.qb
        .selectFrom('evidence_control as l')
        .innerJoin('control as c', 'c.id', 'l.control_id')
        .select(['l.evidence_id', 'l.control_id'])
        .where('l.purpose', '=', 'change_history')
        .where('l.evidence_id', 'in', unique.slice(i, i + 500))
        .orderBy('l.evidence_id')
        .orderBy('c.ref'),
    );
    for (const r of rows) out.set(r.evidence_id, [...(out.get(r.evidence_id) ?? []), r.control_id]);
  }
  return out;
}

export function setLinkPurpose(
  db: VaultDb,
  evidenceId: string,
  controlId: string,
  purpose: 'change_history' | null,
): void {
  runExpect(
    db,
    db.qb
      .updateTable('evidence_control')
      .set({ purpose })
      .where('evidence_id', '=', evidenceId)
      .where('control_id', '=', controlId),
  );
}

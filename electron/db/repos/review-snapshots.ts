import { type VaultDb, all, first, runExpect } from '../connection';
import type { ReviewSnapshotTable } from '../schema';

/**
 * Frozen reviews. Insert and read only: there is deliberately no update or delete here, and the
 * table's triggers refuse both (migration 015).
 */
export function insertReviewSnapshot(db: VaultDb, row: ReviewSnapshotTable): void {
  runExpect(db, db.qb.insertInto('review_snapshot').values(row));
}

export function getReviewSnapshotRow(db: VaultDb, id: string): ReviewSnapshotTable | undefined {
  return first(db, db.qb.selectFrom('review_snapshot').selectAll().where('id', '=', id));
}

/** Every snapshot's row without its result JSON (the list and the trend read only figures). */
export function listReviewSnapshotRows(db: VaultDb): Omit<ReviewSnapshotTable, 'result'>[] {
  return all(
    db,
    db.qb
      .selectFrom('review_snapshot')
      .select([
        'id',
        'seq',
        'ref',
        'evaluated_on',
        'blocked',
        'blocking',
        'major',
        'minor',
        'checks',
        'passing',
        'percent_passing',
        'windows_to_come',
        'chain_seq',
        'chain_hash',
        'signed_off_by_id',
        'signed_off_at',
        'comment',
        'created_at',
      ])
      .orderBy('seq', 'desc'),
  );
}

export function lastReviewSnapshotSeq(db: VaultDb): number {
  const row = first(
    db,
    db.qb.selectFrom('review_snapshot').select('seq').orderBy('seq', 'desc').limit(1),
  );
  return row?.seq ?? 0;
}

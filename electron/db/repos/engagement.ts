import type { EngagementTable } from '../schema';
import { type VaultDb, first, runExpect } from '../connection';

export const ENGAGEMENT_ID = 'engagement';

export function insertEngagement(db: VaultDb, row: EngagementTable): void {
  runExpect(db, db.qb.insertInto('engagement').values(row));
}

export function getEngagementRow(db: VaultDb): EngagementTable | undefined {
  return first(db, db.qb.selectFrom('engagement').selectAll().where('id', '=', ENGAGEMENT_ID));
}

export function updateEngagement(db: VaultDb, patch: Partial<Omit<EngagementTable, 'id'>>): void {
  runExpect(db, db.qb.updateTable('engagement').set(patch).where('id', '=', ENGAGEMENT_ID));
}

import type { Kysely } from 'kysely';
import { recordChange, stateHash } from '../audit';
import type { MigrationContext } from './context';

/**
 * FROZEN. Every stored file is owned by an audited record whose state includes the file's
 * SHA-256 and size (DESIGN §3), so a file swapped behind the app's back — bytes and blob row
 * alike — no longer matches what its owner recorded.
 *
 * The only owner so far is a subservice organisation's SOC report: it gains `report_sha256` and
 * `report_size`, copied from the blob it points at, and is re-recorded in the audit log — after the
 * same check as every upgrade (a row changed outside Attest is marked `changedOutsideAttest`,
 * never laundered). Files that nothing owns — the exports earlier formats kept in the vault as a
 * way to hand them to the browser — are removed: generated files are written where the user asks,
 * never stored in the vault any more.
 */
export const NAME = '2026_12_03_008_blob_owners';

interface OrgRow extends Record<string, unknown> {
  id: string;
  report_blob_id: number | null;
}

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  const { sqlite } = ctx.db;
  const orgs = sqlite
    .prepare('SELECT * FROM subservice_org WHERE report_blob_id IS NOT NULL ORDER BY id')
    .all() as OrgRow[];
  const lastState = sqlite.prepare(
    `SELECT seq, state_hash FROM audit_event WHERE entity = 'subservice_org' AND entity_id = ?
     ORDER BY seq DESC LIMIT 1`,
  );
  const marks = new Map<string, { lastRecordedSeq: number | null }>();
  for (const org of orgs) {
    const last = lastState.get(org.id) as { seq: number; state_hash: string | null } | undefined;
    if (!last || last.state_hash !== stateHash(org)) {
      marks.set(org.id, { lastRecordedSeq: last?.seq ?? null });
    }
  }

  sqlite.exec(`
    ALTER TABLE subservice_org ADD COLUMN report_sha256 TEXT;
    ALTER TABLE subservice_org ADD COLUMN report_size INTEGER;`);
  const blob = sqlite.prepare(`SELECT sha256, size FROM blob WHERE id = ? AND state = 'complete'`);
  const set = sqlite.prepare(
    'UPDATE subservice_org SET report_sha256 = ?, report_size = ? WHERE id = ?',
  );
  for (const org of orgs) {
    // A report whose file is gone keeps no hash: verify names the missing file.
    const stored = blob.get(org.report_blob_id) as { sha256: string; size: number } | undefined;
    if (stored) set.run(stored.sha256, stored.size, org.id);
    const mark = marks.get(org.id);
    recordChange(ctx, {
      action: 'update',
      entity: 'subservice_org',
      entityId: org.id,
      payload: {
        migration: NAME,
        reportOwned: stored ? { sha256: stored.sha256, size: stored.size } : null,
        ...(mark ? { changedOutsideAttest: mark } : {}),
      },
    });
  }

  // Stored files nothing owns: generated exports (and anything an interrupted write left).
  sqlite.exec(`
    DELETE FROM blob_chunk WHERE blob_id IN (
      SELECT id FROM blob WHERE id NOT IN (
        SELECT report_blob_id FROM subservice_org WHERE report_blob_id IS NOT NULL));
    DELETE FROM blob WHERE id NOT IN (
      SELECT report_blob_id FROM subservice_org WHERE report_blob_id IS NOT NULL);`);
}

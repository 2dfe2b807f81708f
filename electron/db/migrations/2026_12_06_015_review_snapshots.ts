import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. Review snapshots (E item 4): "Freeze this review" keeps the readiness review as it
 * stood on one evaluation date, signed off by a person, so that later work is measured against
 * it and the auditor can see what management saw.
 *
 * - `result`: the whole readiness result (findings, counts, figures by rule) and the criteria's
 *   coverage statuses, as canonical JSON. The figures are also columns, so a trend across
 *   snapshots reads without parsing every result.
 * - `chain_seq` / `chain_hash`: the audit chain's head when frozen (DESIGN §3's anchor). The
 *   snapshot's own audit entry comes after it, so a chain recomputed from scratch no longer
 *   extends what the snapshot anchored.
 * - Immutable: a snapshot is never updated or deleted. The triggers refuse both, so nothing —
 *   not a later method, not a hand-edited query through Attest — can rewrite what was signed off.
 *
 * Audited like every other record. The table starts empty.
 */
export const NAME = '2026_12_06_015_review_snapshots';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    CREATE TABLE review_snapshot (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      -- RV-<seq>
      ref TEXT NOT NULL UNIQUE,
      evaluated_on TEXT NOT NULL,
      result TEXT NOT NULL,
      blocked INTEGER NOT NULL CHECK (blocked IN (0, 1)),
      blocking INTEGER NOT NULL,
      major INTEGER NOT NULL,
      minor INTEGER NOT NULL,
      checks INTEGER NOT NULL,
      passing INTEGER NOT NULL,
      percent_passing INTEGER NOT NULL,
      windows_to_come INTEGER NOT NULL,
      chain_seq INTEGER NOT NULL,
      chain_hash TEXT NOT NULL,
      signed_off_by_id TEXT NOT NULL REFERENCES person(id),
      signed_off_at TEXT NOT NULL,
      comment TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (passing <= checks)
    );
    CREATE TRIGGER review_snapshot_is_immutable BEFORE UPDATE ON review_snapshot
      BEGIN SELECT RAISE(ABORT, 'A frozen review cannot change'); END;
    CREATE TRIGGER review_snapshot_is_kept BEFORE DELETE ON review_snapshot
      BEGIN SELECT RAISE(ABORT, 'A frozen review cannot be deleted'); END;`);
}

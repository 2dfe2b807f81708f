import Database from 'better-sqlite3';
import { GENESIS_HASH, type AuditEntry, entryHash, stateHash } from '../db/audit';

/**
 * Tampers with a closed vault the way the H2 probe did, with no secret and the app's own
 * hashing: rewrites a control's title, gives every one of that control's audit entries the
 * state hash of the rewritten row, and recomputes every chain hash from the first entry. The
 * chain alone then checks out: only an anchor kept outside the vault can tell.
 * Returns how many chain hashes changed.
 */
export function rewriteChainLikeTheProbe(path: string, title = 'Rewritten behind Attest’s back') {
  const db = new Database(path);
  try {
    const control = db.prepare('SELECT id FROM control ORDER BY id LIMIT 1').get() as
      { id: string } | undefined;
    if (!control) throw new Error('rewriteChainLikeTheProbe needs a vault with a control');
    let changed = 0;
    db.transaction(() => {
      db.prepare('UPDATE control SET title = ? WHERE id = ?').run(title, control.id);
      const row = db.prepare('SELECT * FROM control WHERE id = ?').get(control.id);
      db.prepare(
        `UPDATE audit_event SET state_hash = ? WHERE entity = 'control' AND entity_id = ? AND state_hash IS NOT NULL`,
      ).run(stateHash(row), control.id);
      let prev = GENESIS_HASH;
      const entries = db.prepare('SELECT * FROM audit_event ORDER BY seq').all() as AuditEntry[];
      const update = db.prepare('UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?');
      for (const entry of entries) {
        const { hash: old, ...rest } = entry;
        const hash = entryHash({ ...rest, prev_hash: prev });
        if (hash !== old) changed++;
        update.run(prev, hash, entry.seq);
        prev = hash;
      }
    })();
    db.pragma('journal_mode = DELETE');
    return { controlId: control.id, chainHashesChanged: changed };
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { constants, copyFileSync } from 'node:fs';
import { GENESIS_HASH, type AuditEntry, entryHash, stateHash } from '../db/audit';
import { canonicalJson, sha256Hex } from '../db/canonical';
import { PRIMARY_KEY_ID } from '../db/repos/keys';
import { randomIds } from '../platform/ids';

/**
 * Copies a closed vault to `dest` as a vault of its own, the way creating it again would have
 * made it: a new signing key (so a new fingerprint: the witness and the backups never take the
 * copy for its template or for a sibling copy) and a new vault id, each with its audit entries
 * re-stated, and the chain re-hashed so `verify` finds it sound.
 *
 * Why: building a scoped vault (create + scope confirm) costs the better part of a second of
 * CPU, and most tests only need one to start from. The copy is made in a few milliseconds.
 * Everything else (rows, ids, audit times) is the template's: a test that asserts how a vault
 * is created or scoped must create or scope it itself.
 */
export function copyAsNewVault(template: string, dest: string): { fingerprint: string } {
  copyFileSync(template, dest, constants.COPYFILE_EXCL);
  const db = new Database(dest, { fileMustExist: true });
  try {
    // A test's scratch copy: nothing to lose if the machine dies mid-write.
    db.pragma('synchronous = OFF');
    let fingerprint = '';
    db.transaction(() => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const spki = publicKey.export({ type: 'spki', format: 'der' });
      fingerprint = sha256Hex(spki);
      const key = db
        .prepare(
          'UPDATE vault_key SET public_key = ?, private_key = ?, fingerprint = ? WHERE id = ?',
        )
        .run(
          spki,
          privateKey.export({ type: 'pkcs8', format: 'der' }),
          fingerprint,
          PRIMARY_KEY_ID,
        );
      if (key.changes !== 1) throw new Error(`copyAsNewVault: ${template} has no signing key`);
      const vaultId = randomIds.next('vault');
      db.prepare(`UPDATE setting SET value = ? WHERE key = 'vault_id'`).run(vaultId);

      restate(db, 'vault_key', PRIMARY_KEY_ID, 'SELECT * FROM vault_key WHERE id = ?', {
        algorithm: 'ed25519',
        fingerprint,
      });
      restate(db, 'setting', 'vault_id', 'SELECT * FROM setting WHERE key = ?', {
        value: vaultId,
      });
      rehashChain(db);
    })();
    db.pragma('journal_mode = DELETE');
    return { fingerprint };
  } finally {
    db.close();
  }
}

/** Gives a row's audit entries its new state and, for its creation, the payload it would have had. */
function restate(
  db: Database.Database,
  entity: string,
  id: string,
  select: string,
  createdPayload: unknown,
): void {
  const row = db.prepare(select).get(id);
  db.prepare(
    'UPDATE audit_event SET state_hash = ? WHERE entity = ? AND entity_id = ? AND state_hash IS NOT NULL',
  ).run(stateHash(row), entity, id);
  db.prepare(
    `UPDATE audit_event SET payload = ? WHERE entity = ? AND entity_id = ? AND action = 'create'`,
  ).run(canonicalJson(createdPayload), entity, id);
}

function rehashChain(db: Database.Database): void {
  const update = db.prepare('UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = GENESIS_HASH;
  const entries = db.prepare('SELECT * FROM audit_event ORDER BY seq').all() as AuditEntry[];
  for (const { hash: _old, ...rest } of entries) {
    const hash = entryHash({ ...rest, prev_hash: prev });
    update.run(prev, hash, rest.seq);
    prev = hash;
  }
}

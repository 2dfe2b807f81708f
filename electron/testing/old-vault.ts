import Database from 'better-sqlite3';
import { recordChange } from '../db/audit';
import { wrapConnection } from '../db/connection';
import { APPLICATION_ID } from '../db/header';
import { MIGRATIONS } from '../db/migrations/index';
import { PAGE_SIZE } from '../db/open';
import { sequentialIds } from '../platform/ids';

/** Writes a vault exactly as format 1 left it: only the first migration, with real content. */
export async function buildFormat1Vault(path: string): Promise<void> {
  const sqlite = new Database(path);
  sqlite.pragma(`page_size = ${PAGE_SIZE}`);
  sqlite.pragma('journal_mode = TRUNCATE');
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  const db = wrapConnection(sqlite);
  const ctx = { db, now: () => '2026-01-01T00:00:00.000Z', actor: () => 'alice' };
  await MIGRATIONS[0]!.up(db.qb, { ...ctx, actor: () => 'migration', ids: sequentialIds() });
  sqlite.pragma('user_version = 1');
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO engagement VALUES ('engagement', 'Old one', 'Client', 'type1', '2026-03-31', NULL, NULL, '["security"]', NULL, ?, ?)`,
      )
      .run(ctx.now(), ctx.now());
    recordChange(ctx, { action: 'create', entity: 'engagement', entityId: 'engagement' });
    sqlite
      .prepare(`INSERT INTO vault_key VALUES ('primary', 'ed25519', x'00', x'00', 'ab', ?)`)
      .run(ctx.now());
    recordChange(ctx, { action: 'create', entity: 'vault_key', entityId: 'primary' });
  })();
  sqlite.pragma('journal_mode = DELETE');
  sqlite.close();
}

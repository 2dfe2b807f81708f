import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordChange } from '../audit';
import { wrapConnection } from '../connection';
import { APPLICATION_ID } from '../header';
import { PAGE_SIZE } from '../open';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { tempDir } from '../../testing/tmp';
import { sequentialIds } from '../../platform/ids';
import { LATEST_FORMAT_VERSION, MIGRATIONS } from './index';

/** Builds a vault exactly as format 1 left it: only the first migration, with real content. */
async function buildFormat1Vault(path: string): Promise<void> {
  const sqlite = new Database(path);
  sqlite.pragma(`page_size = ${PAGE_SIZE}`);
  sqlite.pragma('journal_mode = TRUNCATE');
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  const db = wrapConnection(sqlite);
  await MIGRATIONS[0]!.up(db.qb, {
    db,
    now: () => '2026-01-01T00:00:00.000Z',
    actor: () => 'migration',
    ids: sequentialIds(),
  });
  sqlite.pragma('user_version = 1');
  const ctx = { db, now: () => '2026-01-01T00:00:00.000Z', actor: () => 'alice' };
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

describe('migrations', () => {
  it('are named in order, one per format version', () => {
    const names = MIGRATIONS.map((m) => m.name);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^\d{4}_\d{2}_\d{2}_\d{3}_[a-z0-9_]+$/);
    expect(LATEST_FORMAT_VERSION).toBe(MIGRATIONS.length);
  });

  it('upgrade a format-1 vault on open, after an online backup, keeping its content and chain', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.attest');
    await buildFormat1Vault(path);
    const vault = await openVault(path);
    expect(vault.migratedFrom).toEqual({ version: 1, backupPath: `${path}.v1.bak` });
    expect(vault.db.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_FORMAT_VERSION);
    // The people table arrived with format 2.
    expect(vault.db.sqlite.prepare('SELECT count(*) FROM person').pluck().get()).toBe(0);
    const report = await verifyVault(vault);
    expect(report.problems).toEqual([]);
    closeVault(vault);

    // The backup is the untouched format-1 file.
    expect(existsSync(`${path}.v1.bak`)).toBe(true);
    const backup = new Database(`${path}.v1.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM engagement').pluck().get()).toBe('Old one');
    backup.close();

    // A second open does not migrate again.
    const again = await openVault(path);
    expect(again.migratedFrom).toBeNull();
    closeVault(again);
  });
});

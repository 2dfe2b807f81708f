import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { buildFormat1Vault } from '../../testing/old-vault';
import { tempDir } from '../../testing/tmp';
import { LATEST_FORMAT_VERSION, MIGRATIONS } from './index';

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

import Database from 'better-sqlite3';
import {
  existsSync,
  readdirSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  copyFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttestError } from '../../shared/api/errors';
import { closeVault, openVault } from '../core/vault/session';
import { saveCopy } from '../core/vault/compact';
import { vaultInfo } from '../core/vault/info';
import { fingerprintFile, tempDir } from '../testing/tmp';
import { newTestVault } from '../testing/vaults';
import { spawnTs, waitForLine } from '../testing/spawn';
import { LATEST_FORMAT_VERSION } from './migrations/index';
import { PAGE_SIZE } from './open';
import { putBlobFromFile } from './blobs';

async function expectCode(p: Promise<unknown>, code: string): Promise<AttestError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AttestError);
  expect((e as AttestError).code).toBe(code);
  return e as AttestError;
}

describe('creating a vault', () => {
  it('writes one file with the measured pragmas and nothing beside it once closed', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    expect(vault.db.sqlite.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(vault.db.sqlite.pragma('journal_mode', { simple: true })).toBe('truncate');
    expect(vault.db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(vault.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(existsSync(join(dir, 'test.attest.lock'))).toBe(true);
    closeVault(vault);
    expect(readdirSync(dir)).toEqual(['test.attest']);
  });

  it('refuses a path that already exists and leaves the file untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'test.attest');
    writeFileSync(path, 'precious notes');
    const before = fingerprintFile(path);
    await expectCode(newTestVault(dir), 'conflict');
    expect(fingerprintFile(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['test.attest']);
  });

  it('records the engagement, a signing key and the operating-system user as actor', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const info = vaultInfo(vault);
    expect(info.engagement).toMatchObject({
      name: 'Acme SOC 2 Type II 2026',
      reportType: 'type2',
      period: { start: '2026-01-01', end: '2026-06-30' },
      categories: ['security', 'availability'],
    });
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(info.formatVersion).toBe(LATEST_FORMAT_VERSION);
    expect(info.currentUser.personId).toBeNull();
    const actors = vault.db.sqlite.prepare('SELECT DISTINCT actor FROM audit_event').pluck().all();
    expect(actors).toEqual([info.currentUser.name]);
    closeVault(vault);
  });
});

describe('opening a file', () => {
  it('refuses a file that is not a vault and leaves it untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.attest');
    writeFileSync(path, 'x'.repeat(5000));
    const before = fingerprintFile(path);
    const e = await expectCode(openVault(path), 'not_a_vault');
    expect(e.message).toContain('not an Attest vault');
    expect(fingerprintFile(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['notes.attest']);
  });

  it('refuses an SQLite database that is not an Attest vault, untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = fingerprintFile(path);
    await expectCode(openVault(path), 'not_a_vault');
    expect(fingerprintFile(path)).toBe(before);
  });

  it('refuses a truncated vault, untouched', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    closeVault(vault);
    const path = join(dir, 'test.attest');
    truncateSync(path, statSync(path).size - PAGE_SIZE);
    const before = fingerprintFile(path);
    const e = await expectCode(openVault(path), 'not_a_vault');
    expect(e.message).toContain('damaged');
    expect(fingerprintFile(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['test.attest']);
  });

  it('refuses a vault from a newer format, untouched', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    closeVault(vault);
    const path = join(dir, 'test.attest');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_FORMAT_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fingerprintFile(path);
    const e = await expectCode(openVault(path), 'vault_too_new');
    expect(e.message).toContain('newer Attest');
    expect(fingerprintFile(path)).toBe(before);
  });

  it('names a missing file as not found', async () => {
    await expectCode(openVault(join(tempDir(), 'nope.attest')), 'not_found');
  });
});

describe('the exclusive lock', () => {
  it('gives a second opener in the same process vault_locked', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const e = await expectCode(openVault(vault.path, { app: 'second window' }), 'vault_locked');
    expect(e.message).toContain('vitest');
    closeVault(vault);
    const again = await openVault(vault.path);
    closeVault(again);
  });

  it('gives another process vault_locked naming the holder, and frees the vault when it ends', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    closeVault(vault);
    const child = spawnTs('electron/testing/hold-vault.ts', [vault.path]);
    try {
      await waitForLine(child, /^ready$/);
      const e = await expectCode(openVault(vault.path), 'vault_locked');
      expect(e.message).toContain(`hold-vault test helper (pid ${child.pid})`);
    } finally {
      child.stdin!.end();
      await new Promise((r) => child.on('exit', r));
    }
    closeVault(await openVault(vault.path));
  });

  it('recovers after the holder was killed: the OS releases the lock', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    closeVault(vault);
    const child = spawnTs('electron/testing/hold-vault.ts', [vault.path]);
    await waitForLine(child, /^ready$/);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const reopened = await openVault(vault.path);
    expect(vaultInfo(reopened).engagement.name).toBe('Acme SOC 2 Type II 2026');
    closeVault(reopened);
  });
});

describe('save a copy', () => {
  it('writes a consistent copy that opens as its own vault while the original stays open', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const dest = join(dir, 'copy.attest');
    await saveCopy(vault, dest);
    await expect(saveCopy(vault, dest)).rejects.toMatchObject({ code: 'conflict' });
    const fingerprint = vaultInfo(vault).fingerprint;
    closeVault(vault);
    const copy = await openVault(dest);
    expect(vaultInfo(copy).fingerprint).toBe(fingerprint);
    closeVault(copy);
  });

  it('a closed vault copied with cp is a working backup', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    closeVault(vault);
    copyFileSync(vault.path, join(dir, 'backup.attest'));
    closeVault(await openVault(join(dir, 'backup.attest')));
  });
});

describe('the lock survives this process touching the same file under another name', () => {
  it('refuses to open the held vault through a symlink, and another process still cannot get in', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const alias = join(dir, 'alias.attest');
    symlinkSync(vault.path, alias);
    const e = await expectCode(openVault(alias), 'vault_locked');
    expect(e.message).toContain('this process');
    // Closing a descriptor on the file would have dropped SQLite's POSIX lock: check it holds.
    const child = spawnTs('electron/testing/hold-vault.ts', [vault.path]);
    const exit = await new Promise<number | null>((r) => child.on('exit', r));
    expect(exit).not.toBe(0);
    closeVault(vault);
  });

  it('refuses to store the open vault inside itself', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    await expect(putBlobFromFile(vault.db, vault.path, { now: vault.now })).rejects.toMatchObject({
      code: 'validation',
    });
    const child = spawnTs('electron/testing/hold-vault.ts', [vault.path]);
    expect(await new Promise<number | null>((r) => child.on('exit', r))).not.toBe(0);
    closeVault(vault);
  });
});

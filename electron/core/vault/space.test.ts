import Database from 'better-sqlite3';
import {
  lstatSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tx } from '../../db/connection';
import { APPLICATION_ID } from '../../db/header';
import { LATEST_FORMAT_VERSION } from '../../db/migrations/index';
import { putBlobFromFile } from '../../db/blobs';
import { spawnTs } from '../../testing/spawn';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { vaultInfo } from './info';
import { compactVault, saveCopy, vaultStorage } from './compact';
import { closeVault, openVault } from './session';
import { verifyVault } from './verify';

const MiB = 1024 * 1024;

function randomFile(dir: string, name: string, bytes: number, salt = 0): string {
  const path = join(dir, name);
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i + 4 <= bytes; i += 4)
    buf.writeUInt32LE(Math.imul(i + salt, 2654435761) >>> 0, i);
  writeFileSync(path, buf);
  return path;
}

const size = (path: string) => statSync(path).size;

/** Stores `file` and cancels after the first committed batch (16 MiB). */
async function cancelledPut(vault: Awaited<ReturnType<typeof newTestVault>>, file: string) {
  const controller = new AbortController();
  await expect(
    putBlobFromFile(vault.db, file, {
      now: vault.now,
      signal: controller.signal,
      afterCommit: () => controller.abort(),
    }),
  ).rejects.toMatchObject({ code: 'cancelled' });
}

/**
 * A vault as vaults were before auto_vacuum (format 6 and earlier): converted back with the
 * sqlite3 equivalent of `PRAGMA auto_vacuum = NONE; VACUUM`, then bloated by a cancelled import
 * whose free pages nothing gives back.
 */
async function bloatedOldStyleVault(dir: string) {
  closeVault(await newTestVault(dir));
  const path = join(dir, 'test.attest');
  const raw = new Database(path);
  raw.pragma('auto_vacuum = NONE');
  raw.exec('VACUUM');
  raw.pragma('journal_mode = DELETE');
  raw.close();
  const vault = await openVault(path);
  await putBlobFromFile(vault.db, randomFile(dir, 'kept.bin', 2 * MiB), { now: vault.now });
  await cancelledPut(vault, randomFile(dir, 'big.bin', 40 * MiB, 1));
  return vault;
}

describe('space is given back', () => {
  it('new vaults use incremental auto-vacuum', async () => {
    const vault = await newTestVault(tempDir());
    expect(vault.db.sqlite.pragma('auto_vacuum', { simple: true })).toBe(2);
    closeVault(vault);
  });

  it('a cancelled import leaves the vault the size it was', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const before = size(vault.path);
    await cancelledPut(vault, randomFile(dir, 'big.bin', 40 * MiB));
    // Within a few pages of where it was (pointer-map pages may stay).
    expect(size(vault.path) - before).toBeLessThan(MiB);
    closeVault(vault);
  });

  it('storing bytes already stored gives the duplicate chunks’ space back', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const file = randomFile(dir, 'a.bin', 20 * MiB);
    await putBlobFromFile(vault.db, file, { now: vault.now });
    const once = size(vault.path);
    const again = await putBlobFromFile(vault.db, file, { now: vault.now });
    expect(again.deduplicated).toBe(true);
    expect(size(vault.path) - once).toBeLessThan(MiB);
    closeVault(vault);
  });

  it('gives back what a crashed import left when the vault is next opened', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const before = size(vault.path);
    tx(vault.db, () => {
      const blobId = vault.db.sqlite
        .prepare(
          `INSERT INTO blob (sha256, size, state, created_at) VALUES (NULL, NULL, 'pending', 'x')`,
        )
        .run().lastInsertRowid;
      const chunk = vault.db.sqlite.prepare(
        'INSERT INTO blob_chunk (blob_id, idx, bytes) VALUES (?, ?, zeroblob(?))',
      );
      for (let i = 0; i < 20; i++) chunk.run(blobId, i, MiB);
    });
    // A crash: the connection goes without Attest's close.
    vault.db.sqlite.close();
    expect(size(vault.path) - before).toBeGreaterThan(19 * MiB);
    const reopened = await openVault(vault.path);
    expect(size(vault.path) - before).toBeLessThan(MiB);
    closeVault(reopened);
  });

  it('gives free space back at close from 4 MiB up, and leaves less for reuse', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const before = size(vault.path);
    // Free pages made by something other than the blob store (a table emptied, say).
    vault.db.sqlite.exec('CREATE TABLE scratch (b BLOB)');
    const fill = vault.db.sqlite.prepare('INSERT INTO scratch VALUES (zeroblob(?))');
    for (let i = 0; i < 8; i++) fill.run(MiB);
    vault.db.sqlite.exec('DROP TABLE scratch');
    expect(vault.db.sqlite.pragma('freelist_count', { simple: true })).toBeGreaterThan(64);
    closeVault(vault);
    expect(size(vault.path) - before).toBeLessThan(MiB);
  });
});

describe('save a copy', () => {
  it('writes a compact copy that keeps the format, opens and verifies sound', async () => {
    const dir = tempDir();
    const vault = await bloatedOldStyleVault(dir);
    const copy = join(dir, 'copy.attest');
    await saveCopy(vault, copy);
    expect(size(vault.path) - size(copy)).toBeGreaterThan(12 * MiB);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_FORMAT_VERSION);
    expect(raw.pragma('page_size', { simple: true })).toBe(65536);
    expect(raw.pragma('auto_vacuum', { simple: true })).toBe(2);
    raw.close();
    const fingerprint = vaultInfo(vault).fingerprint;
    closeVault(vault);
    const opened = await openVault(copy);
    expect(vaultInfo(opened).fingerprint).toBe(fingerprint);
    expect((await verifyVault(opened)).problems).toEqual([]);
    closeVault(opened);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('save a copy, refused', () => {
  it('names a missing folder and an existing file, leaving both as they were', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    await expect(saveCopy(vault, join(dir, 'nope', 'copy.attest'))).rejects.toMatchObject({
      code: 'not_found',
    });
    writeFileSync(join(dir, 'taken.attest'), 'mine');
    await expect(saveCopy(vault, join(dir, 'taken.attest'))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(readFileSync(join(dir, 'taken.attest'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).filter((n) => n.startsWith('.') || n.includes('copy'))).toEqual([]);
    closeVault(vault);
  });
});

describe('compacting a vault', () => {
  it('converts an older vault to incremental auto-vacuum and gives its free space back', async () => {
    const dir = tempDir();
    const vault = await bloatedOldStyleVault(dir);
    const storage = vaultStorage(vault);
    expect(storage).toMatchObject({ autoVacuum: 'none', fileBytes: size(vault.path) });
    expect(storage.freeBytes).toBeGreaterThan(12 * MiB);
    expect(storage.compactNeedsBytes).toBeGreaterThan(storage.fileBytes);
    const fingerprint = vaultInfo(vault).fingerprint;
    const progress: number[] = [];
    const { vault: compacted, result } = await compactVault(vault, {
      onProgress: (p) => progress.push(p.bytesDone),
    });
    expect(result.bytesBefore).toBe(storage.fileBytes);
    expect(result.bytesAfter).toBe(size(compacted.path));
    expect(result.bytesBefore - result.bytesAfter).toBeGreaterThan(12 * MiB);
    expect(progress.length).toBeGreaterThan(1);
    expect(compacted.path).toBe(vault.path);
    expect(compacted.db.sqlite.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(vaultInfo(compacted).fingerprint).toBe(fingerprint);
    expect((await verifyVault(compacted)).problems).toEqual([]);
    // Still held: another process is refused, and in this process the file is the open vault.
    const other = spawnTs('electron/testing/hold-vault.ts', [vault.path]);
    expect(await new Promise((r) => other.on('exit', r))).not.toBe(0);
    await expect(openVault(vault.path)).rejects.toMatchObject({ code: 'vault_locked' });
    closeVault(compacted);
    expect(readdirSync(dir).sort()).toEqual(['big.bin', 'kept.bin', 'test.attest']);
    closeVault(await openVault(vault.path));
  });

  it('compacts the file a symbolic link points to, keeping the link', async () => {
    const dir = tempDir();
    const vault = await bloatedOldStyleVault(dir);
    const real = vault.path;
    const before = size(real);
    closeVault(vault);
    const link = join(dir, 'link.attest');
    symlinkSync(real, link);
    const { vault: compacted } = await compactVault(await openVault(link));
    expect(compacted.path).toBe(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(before - size(real)).toBeGreaterThan(12 * MiB);
    expect((await verifyVault(compacted)).problems).toEqual([]);
    closeVault(compacted);
  });

  it('refuses with disk_full, before writing anything, when the disk lacks the room it needs', async () => {
    const dir = tempDir();
    const vault = await bloatedOldStyleVault(dir);
    const before = readdirSync(dir).sort();
    await expect(
      compactVault(vault, { diskFreeBytes: () => vaultStorage(vault).compactNeedsBytes - 1 }),
    ).rejects.toMatchObject({ code: 'disk_full', message: expect.stringContaining('free') });
    expect(readdirSync(dir).sort()).toEqual(before);
    closeVault(vault);
  });

  it('keeps changes out while it copies, saying why', async () => {
    const dir = tempDir();
    const vault = await bloatedOldStyleVault(dir);
    const attempts: unknown[] = [];
    const { vault: compacted } = await compactVault(vault, {
      onProgress: () => {
        if (attempts.length > 0) return;
        try {
          tx(vault.db, () =>
            run(vault.db, vault.db.qb.deleteFrom('setting').where('key', '=', 'none')),
          );
          attempts.push('written');
        } catch (e) {
          attempts.push(e);
        }
      },
    });
    expect(attempts).toEqual([
      expect.objectContaining({
        code: 'vault_locked',
        message: expect.stringContaining('compacted'),
      }),
    ]);
    // Writing works again on the compacted vault.
    tx(compacted.db, () =>
      run(compacted.db, compacted.db.qb.deleteFrom('setting').where('key', '=', 'none')),
    );
    closeVault(compacted);
  });

  it('leaves the vault as it was when cancelled', async () => {
    const dir = tempDir();
    const vault = await bloatedOldStyleVault(dir);
    const before = size(vault.path);
    const controller = new AbortController();
    await expect(
      compactVault(vault, { signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(size(vault.path)).toBe(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    // Still open and writable.
    tx(vault.db, () => run(vault.db, vault.db.qb.deleteFrom('setting').where('key', '=', 'none')));
    closeVault(vault);
  });
});

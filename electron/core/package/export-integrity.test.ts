import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { captureIo, tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { closeVault, openVault } from '../vault/session';
import { DEFAULT_PACKAGE_OPTIONS } from './options';
import { exportPackage } from './writer';

describe('exporting a vault whose stored file no longer matches its hash', () => {
  it('fails with integrity, naming the evidence, and leaves nothing at the destination', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const path = vault.path;
    closeVault(vault);
    // Three files: one of several chunks between two small ones, so the changed one is in the
    // middle of the zip, its bytes hashed behind the writer like any other.
    const files = ['a.txt', 'b.bin', 'c.txt'].map((name, i) => {
      const file = join(dir, name);
      writeFileSync(file, Buffer.alloc(i === 1 ? 3 * 1024 * 1024 + 5 : 100, i + 1));
      return file;
    });
    const cli = captureIo(dir);
    expect(await run(['evidence', 'add', path, ...files], cli.io), cli.err).toBe(0);

    // One byte of b.bin's second chunk changed behind the app's back, its recorded hash kept.
    const db = new Database(path);
    const { id: blobId, ref } = db
      .prepare(
        `SELECT b.id, e.ref FROM blob b JOIN evidence e ON e.blob_id = b.id WHERE b.size > 1000000`,
      )
      .get() as { id: number; ref: string };
    const chunk = db
      .prepare('SELECT bytes FROM blob_chunk WHERE blob_id = ? AND idx = 1')
      .pluck()
      .get(blobId) as Buffer;
    chunk[17] = chunk[17]! ^ 0xff;
    db.prepare('UPDATE blob_chunk SET bytes = ? WHERE blob_id = ? AND idx = 1').run(chunk, blobId);
    db.close();

    const opened = await openVault(path);
    try {
      const out = join(dir, 'out', 'package.zip');
      mkdirSync(join(dir, 'out'));
      await expect(
        exportPackage(opened, out, { ...DEFAULT_PACKAGE_OPTIONS, categories: ['evidence'] }),
      ).rejects.toMatchObject({
        code: 'integrity',
        message: expect.stringContaining(`The stored file for ${ref} no longer matches`),
      });
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
    } finally {
      closeVault(opened);
    }
  }, 120_000);
});

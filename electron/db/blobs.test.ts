import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeVault, openVault } from '../core/vault/session';
import { tempDir } from '../testing/tmp';
import { newTestVault } from '../testing/vaults';
import type { VaultDb } from './connection';
import { CHUNK_SIZE, blobChunks, blobReadStream, getBlob, putBlobFromFile } from './blobs';

function counts(vault: { db: VaultDb }) {
  const q = (sql: string) => vault.db.sqlite.prepare(sql).pluck().get() as number;
  return {
    blobs: q('SELECT count(*) FROM blob'),
    pending: q(`SELECT count(*) FROM blob WHERE state = 'pending'`),
    chunks: q('SELECT count(*) FROM blob_chunk'),
  };
}

function randomFile(dir: string, name: string, bytes: number): string {
  const path = join(dir, name);
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i + 4 <= bytes; i += 4) buf.writeUInt32LE(Math.imul(i, 2654435761) >>> 0, i);
  writeFileSync(path, buf);
  return path;
}

// The 2 GiB flat-memory test is blobs.slow.test.ts (`npm run test:slow`).
describe('the blob store', () => {
  it('stores a file in 1 MiB chunks under its SHA-256 and streams it back byte for byte', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const file = randomFile(dir, 'a.bin', 5 * CHUNK_SIZE + 123);
    const expected = createHash('sha256').update(readFileSync(file)).digest('hex');
    const progress: number[] = [];
    const stored = await putBlobFromFile(vault.db, file, {
      now: vault.now,
      onProgress: (p) => progress.push(p.bytesDone),
    });
    expect(stored).toMatchObject({
      sha256: expected,
      size: 5 * CHUNK_SIZE + 123,
      deduplicated: false,
    });
    expect(progress.at(-1)).toBe(5 * CHUNK_SIZE + 123);
    expect(counts(vault)).toEqual({ blobs: 1, pending: 0, chunks: 6 });
    expect(getBlob(vault.db, stored.blobId)).toEqual({
      id: stored.blobId,
      sha256: expected,
      size: stored.size,
    });

    const chunks: Buffer[] = [];
    for await (const c of blobReadStream(vault.db, stored.blobId)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(readFileSync(file))).toBe(true);
    closeVault(vault);
  });

  it('stores identical bytes once and points the second put at the first', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const a = randomFile(dir, 'a.bin', 2 * CHUNK_SIZE + 5);
    const b = join(dir, 'b.bin');
    writeFileSync(b, readFileSync(a));
    const first = await putBlobFromFile(vault.db, a, { now: vault.now });
    const second = await putBlobFromFile(vault.db, b, {
      now: vault.now,
      finalize: (blobId) => `owner of ${blobId}`,
    });
    expect(second).toMatchObject({
      blobId: first.blobId,
      deduplicated: true,
      result: `owner of ${first.blobId}`,
    });
    expect(counts(vault)).toEqual({ blobs: 1, pending: 0, chunks: 3 });
    closeVault(vault);
  });

  it('stores an empty file', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const stored = await putBlobFromFile(vault.db, empty, { now: vault.now });
    expect(stored.sha256).toBe(createHash('sha256').digest('hex'));
    expect([...blobChunks(vault.db, stored.blobId)]).toEqual([]);
    closeVault(vault);
  });

  it('leaves nothing behind after a cancelled put', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const file = randomFile(dir, 'big.bin', 40 * CHUNK_SIZE);
    const controller = new AbortController();
    const put = putBlobFromFile(vault.db, file, {
      now: vault.now,
      signal: controller.signal,
      afterCommit: (n) => {
        if (n >= 16) controller.abort();
      },
    });
    await expect(put).rejects.toMatchObject({ code: 'cancelled' });
    expect(counts(vault)).toEqual({ blobs: 0, pending: 0, chunks: 0 });
    closeVault(vault);
  });

  it('removes what a crashed put left pending when the vault next opens', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const file = randomFile(dir, 'big.bin', 40 * CHUNK_SIZE);
    // Simulate a process that died mid-put: stop after the first commit without cleaning up.
    await expect(
      putBlobFromFile(vault.db, file, {
        now: vault.now,
        afterCommit: () => {
          vault.db.sqlite.close();
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const reopened = await openVault(vault.path);
    expect(counts(reopened)).toEqual({ blobs: 0, pending: 0, chunks: 0 });
    closeVault(reopened);
  });

  it('names a missing source file and a missing blob clearly', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    await expect(
      putBlobFromFile(vault.db, join(dir, 'nope'), { now: vault.now }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(() => getBlob(vault.db, 999)).toThrow(expect.objectContaining({ code: 'not_found' }));
    closeVault(vault);
  });
});

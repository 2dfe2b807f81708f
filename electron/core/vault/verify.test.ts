import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../catalog/catalog';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newTestVault, storeOwnedFile } from '../../testing/vaults';
import { closeVault, openVault } from './session';
import { verifyVault } from './verify';

/** A closed vault with a stored file, and a way to tamper with it behind Attest's back. */
async function vaultWithBlob() {
  const dir = tempDir();
  const vault = await newTestVault(dir);
  const file = join(dir, 'evidence.bin');
  writeFileSync(file, Buffer.alloc(3 * 1024 * 1024 + 17, 7));
  const blobId = await storeOwnedFile(vault, file);
  closeVault(vault);
  return {
    path: vault.path,
    blobId,
    tamper(sql: string, ...params: unknown[]) {
      const raw = new Database(vault.path);
      raw.prepare(sql).run(...params);
      raw.pragma('journal_mode = DELETE');
      raw.close();
    },
    async verify() {
      const v = await openVault(vault.path);
      try {
        return await verifyVault(v);
      } finally {
        closeVault(v);
      }
    },
  };
}

describe('verify', () => {
  it('finds a sound vault sound', async () => {
    const t = await vaultWithBlob();
    const report = await t.verify();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const raw = new Database(t.path, { readonly: true });
    const entries = raw.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;
    raw.close();
    // Every entry of the chain is checked, and the one stored file (the vendor's report).
    expect(report.checked).toMatchObject({ auditEntries: entries, blobs: 1 });
    expect(report.checked.rows).toBeGreaterThan(5 + loadCatalog().criteria.length);
  });

  it('names a row changed directly with SQL', async () => {
    const t = await vaultWithBlob();
    t.tamper(`UPDATE engagement SET client = 'Someone Else'`);
    const report = await t.verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'row_changed',
        entity: 'engagement',
        entityId: 'engagement',
      }),
    ]);
  });

  it('names a row added and a row deleted outside Attest', async () => {
    const t = await vaultWithBlob();
    t.tamper(`INSERT INTO setting (key, value) VALUES ('sneaky', 'yes')`);
    t.tamper(`DELETE FROM setting WHERE key = 'app_version'`);
    const report = await t.verify();
    expect(report.problems.map((p) => [p.kind, p.entityId])).toEqual(
      expect.arrayContaining([
        ['row_untracked', 'sneaky'],
        ['row_deleted', 'app_version'],
      ]),
    );
  });

  it('names a deleted audit entry', async () => {
    const t = await vaultWithBlob();
    t.tamper('DELETE FROM audit_event WHERE seq = 3');
    const report = await t.verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'audit_entry_missing', seq: 3 }),
    );
  });

  it('names a changed audit entry', async () => {
    const t = await vaultWithBlob();
    t.tamper(`UPDATE audit_event SET actor = 'mallory' WHERE seq = 2`);
    const report = await t.verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'audit_entry_altered', seq: 2 }),
    ]);
  });

  it('names an audit entry rewritten with a recomputed hash, by the broken chain after it', async () => {
    const t = await vaultWithBlob();
    t.tamper(`UPDATE audit_event SET hash = '${'f'.repeat(64)}' WHERE seq = 4`);
    const report = await t.verify();
    expect(report.problems.map((p) => [p.kind, p.seq])).toEqual([
      ['audit_entry_altered', 4],
      ['audit_chain_broken', 5],
    ]);
  });

  it('names one changed byte in a stored file', async () => {
    const t = await vaultWithBlob();
    const raw = new Database(t.path);
    const bytes = raw
      .prepare('SELECT bytes FROM blob_chunk WHERE blob_id = ? AND idx = 2')
      .pluck()
      .get(t.blobId) as Buffer;
    bytes[1000] = bytes[1000]! ^ 0xff;
    raw
      .prepare('UPDATE blob_chunk SET bytes = ? WHERE blob_id = ? AND idx = 2')
      .run(bytes, t.blobId);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const report = await t.verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'blob_altered', blobId: t.blobId }),
    ]);
  });

  it('names a stored file that lost a chunk', async () => {
    const t = await vaultWithBlob();
    t.tamper('DELETE FROM blob_chunk WHERE blob_id = ? AND idx = 3', t.blobId);
    const report = await t.verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'blob_altered', blobId: t.blobId }),
    ]);
    expect(report.problems[0]!.message).toContain('bytes where');
  });
});

describe('cancelling verify', () => {
  it('stops re-hashing when asked and says it was cancelled', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const file = join(dir, 'evidence.bin');
    writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 3));
    await storeOwnedFile(vault, file);
    const controller = new AbortController();
    controller.abort();
    await expect(verifyVault(vault, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    closeVault(vault);
  });
});

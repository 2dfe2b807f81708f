import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tmp';
import { newTestVault, storeOwnedFile } from '../../testing/vaults';
import { attachSubserviceReport } from '../sd/subservices';
import { closeVault, openVault } from './session';
import { verifyVault } from './verify';
import { verifyVaultFile } from './verify-file';

/** A closed vault whose vendor report is stored, and a way to change it behind Attest's back. */
async function vaultWithReport() {
  const dir = tempDir();
  const vault = await newTestVault(dir);
  const file = join(dir, 'report.pdf');
  writeFileSync(file, Buffer.alloc(2 * 1024 * 1024 + 5, 9));
  const blobId = await storeOwnedFile(vault, file);
  closeVault(vault);
  const raw = (work: (db: Database.Database) => void) => {
    const db = new Database(vault.path);
    work(db);
    db.pragma('journal_mode = DELETE');
    db.close();
  };
  const verify = async () => {
    const v = await openVault(vault.path);
    try {
      return (await verifyVault(v)).problems;
    } finally {
      closeVault(v);
    }
  };
  return { dir, path: vault.path, blobId, raw, verify };
}

describe('stored files and their owners', () => {
  it('names a file swapped behind the app’s back even when its blob row was rewritten to match', async () => {
    const t = await vaultWithReport();
    // The probe: new bytes, and the blob's own hash and size rewritten to match them.
    const swapped = Buffer.alloc(1024, 1);
    t.raw((db) => {
      db.prepare('DELETE FROM blob_chunk WHERE blob_id = ?').run(t.blobId);
      db.prepare('INSERT INTO blob_chunk (blob_id, idx, bytes) VALUES (?, 0, ?)').run(
        t.blobId,
        swapped,
      );
      db.prepare('UPDATE blob SET sha256 = ?, size = ? WHERE id = ?').run(
        createHash('sha256').update(swapped).digest('hex'),
        swapped.length,
        t.blobId,
      );
    });
    const problems = await t.verify();
    expect(problems.map((p) => p.kind)).toEqual(['blob_owner_mismatch']);
    expect(problems[0]!.message).toMatch(/is not the file subservice_org .* recorded/);
  });

  it('names an owned file that was deleted, and parts of a file left without it', async () => {
    const t = await vaultWithReport();
    t.raw((db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM blob WHERE id = ?').run(t.blobId);
    });
    const problems = await t.verify();
    expect(problems.map((p) => p.kind)).toEqual(['blob_missing', 'blob_unowned']);
    expect(problems[1]!.message).toMatch(/Parts of a stored file/);
  });

  it('names a file no record owns, which the next open removes (verify never does)', async () => {
    const t = await vaultWithReport();
    t.raw((db) => {
      const id = db
        .prepare(
          `INSERT INTO blob (sha256, size, state, created_at) VALUES (?, 3, 'complete', 'x')`,
        )
        .run(createHash('sha256').update('abc').digest('hex')).lastInsertRowid;
      db.prepare('INSERT INTO blob_chunk (blob_id, idx, bytes) VALUES (?, 0, ?)').run(
        id,
        Buffer.from('abc'),
      );
    });
    const raw = new Database(t.path, { readonly: true });
    const count = () => raw.prepare('SELECT count(*) FROM blob').pluck().get();
    expect(count()).toBe(2);
    raw.close();
    // The vault's own open clears it before verify reads, so check the file read-only first.
    const { report } = await verifyVaultFile(t.path);
    expect(report.problems.map((p) => p.kind)).toEqual(['blob_unowned']);
    expect(await t.verify()).toEqual([]);
    const after = new Database(t.path, { readonly: true });
    expect(after.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(1);
    after.close();
  });

  it('keeps a file while any record owns it, and removes it with its last owner', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const first = join(dir, 'a.pdf');
    const second = join(dir, 'b.pdf');
    writeFileSync(first, 'first report');
    writeFileSync(second, 'second report');
    const a = await storeOwnedFile(vault, first);
    const shared = await storeOwnedFile(vault, first); // another organisation, the same bytes
    expect(shared).toBe(a);
    const orgs = vault.db.sqlite
      .prepare('SELECT id FROM subservice_org ORDER BY created_at, id')
      .pluck()
      .all() as string[];
    const blobs = () => vault.db.sqlite.prepare('SELECT id FROM blob ORDER BY id').pluck().all();
    // One organisation takes another report: the first file stays, the other still owns it.
    const b = (await attachSubserviceReport(vault, orgs[0]!, second, 'b.pdf')).blobId;
    expect(blobs()).toEqual([a, b]);
    // The second lets go of it too: nothing owns it, so it goes.
    await attachSubserviceReport(vault, orgs[1]!, second, 'b.pdf');
    expect(blobs()).toEqual([b]);
    expect((await verifyVault(vault)).problems).toEqual([]);
    closeVault(vault);
  });
});

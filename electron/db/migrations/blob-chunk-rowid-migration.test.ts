import { createHash, randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput } from '../../../shared/api/evidence';
import { collectFiles, ingestEvidence } from '../../core/evidence/ingest';
import { closeVault, openVault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { tempDir } from '../../testing/tmp';
import { undoLinkNoteEvidence } from '../../testing/migration-rollback';
import { newTestVault } from '../../testing/vaults';
import { CHUNK_SIZE } from '../blobs';
import type { VaultDb } from '../connection';

/** The chunk table's and its key's definitions, as SQLite keeps them. */
function chunkSchema(db: VaultDb) {
  return db.sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'blob_chunk' ORDER BY type, name`,
    )
    .all();
}

function chunkDigests(db: VaultDb) {
  return (
    db.sqlite.prepare('SELECT blob_id, idx, bytes FROM blob_chunk ORDER BY blob_id, idx').all() as {
      blob_id: number;
      idx: number;
      bytes: Buffer;
    }[]
  ).map((c) => `${c.blob_id}/${c.idx}/${createHash('sha256').update(c.bytes).digest('hex')}`);
}

describe('migration 017: blob chunks in a rowid table', () => {
  it('moves every chunk of a format-16 vault, keeps its key, and leaves the schema of a new vault', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const fresh = chunkSchema(vault.db);
    for (const [name, size] of [
      ['three-and-a-half.bin', 3 * CHUNK_SIZE + CHUNK_SIZE / 2],
      ['small.txt', 1000],
    ] as const)
      writeFileSync(join(dir, name), randomFillSync(Buffer.alloc(size)));
    const input = evidenceAddInput.parse({
      sources: [{ path: join(dir, 'three-and-a-half.bin') }, { path: join(dir, 'small.txt') }],
    });
    const { files, skipped } = collectFiles(input.sources as { path: string }[]);
    await ingestEvidence(vault, input, files, skipped);
    const before = chunkDigests(vault.db);
    expect(before).toHaveLength(5);

    // Put the table back as format 16 kept it: the migration has to move these chunks.
    vault.db.sqlite.exec(`
      BEGIN;
      CREATE TABLE old_chunk (blob_id INTEGER NOT NULL REFERENCES blob(id), idx INTEGER NOT NULL,
        bytes BLOB NOT NULL, PRIMARY KEY (blob_id, idx)) WITHOUT ROWID;
      INSERT INTO old_chunk SELECT blob_id, idx, bytes FROM blob_chunk;
      DROP TABLE blob_chunk;
      ALTER TABLE old_chunk RENAME TO blob_chunk;
      PRAGMA user_version = 16;
      COMMIT;`);
    undoLinkNoteEvidence(vault.db.sqlite);
    expect(chunkSchema(vault.db)).not.toEqual(fresh);
    const path = vault.path;
    closeVault(vault);

    const migrated = await openVault(path);
    expect(migrated.migratedFrom?.version).toBe(16);
    expect(chunkSchema(migrated.db)).toEqual(fresh);
    // A rowid table: the bytes are found by an integer, not by comparing keys that overflow.
    expect(fresh.some((t) => /WITHOUT ROWID/i.test(JSON.stringify(t)))).toBe(false);
    expect(chunkDigests(migrated.db)).toEqual(before);
    expect(() =>
      migrated.db.sqlite
        .prepare('INSERT INTO blob_chunk (blob_id, idx, bytes) VALUES (1, 0, zeroblob(1))')
        .run(),
    ).toThrow(/UNIQUE/);
    expect((await verifyVault(migrated)).problems).toEqual([]);
    closeVault(migrated);
  });
});

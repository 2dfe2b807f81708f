import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. `blob_chunk` becomes an ordinary rowid table; its primary key `(blob_id, idx)` is kept,
 * now as a separate small index (D1 ingest speed, see docs/decisions.md).
 *
 * As a `WITHOUT ROWID` table the chunks were stored in an index b-tree keyed by the whole row, and
 * SQLite compares a key with a cell that overflows its page by first reading the cell's whole
 * payload: every insert and every seek read several 1 MiB chunks back (≈ 2× the bytes written
 * were read again while storing a file, ~40 % of the ingest's CPU). In a rowid table the bytes sit
 * in the table b-tree, found by integer rowid; the index holds only the two integers.
 *
 * The columns, the key and every query stay the same. The chunks are copied in key order, the old
 * table dropped (its pages become free; the open after a migration gives them back) and the copy
 * renamed, which renames its automatic index too — a migrated vault has the schema of a new one.
 */
export const NAME = '2026_12_07_017_blob_chunk_rowid';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    CREATE TABLE blob_chunk_rows (
      blob_id INTEGER NOT NULL REFERENCES blob(id),
      idx INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      PRIMARY KEY (blob_id, idx)
    );
    INSERT INTO blob_chunk_rows (blob_id, idx, bytes)
      SELECT blob_id, idx, bytes FROM blob_chunk ORDER BY blob_id, idx;
    DROP TABLE blob_chunk;
    ALTER TABLE blob_chunk_rows RENAME TO blob_chunk;`);
}

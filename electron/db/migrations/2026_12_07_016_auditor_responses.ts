import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. The auditor's response round trip (F2, issue 21 item 2).
 *
 * - `package_export`: the manifest hash of every package this vault exported, so a response can
 *   be matched to a package this vault really sent. Not audited, on purpose: an audit entry would
 *   change the vault's state (its chain head and latest time, which the package is stamped with),
 *   so two exports of one state would no longer be byte-identical. A row is a fact about a file
 *   outside the vault; losing one only makes a response for that package refused.
 * - `auditor_response`: one row per import that changed something: who the response names, the
 *   key that signed it (null: unsigned), and the ids of the items it applied, so importing the same
 *   response again applies nothing. Audited like every other record.
 *
 * Both tables start empty.
 */
export const NAME = '2026_12_07_016_auditor_responses';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    CREATE TABLE package_export (
      manifest_sha256 TEXT PRIMARY KEY,
      exported_at TEXT NOT NULL,
      chain_seq INTEGER NOT NULL,
      chain_hash TEXT NOT NULL,
      engagement TEXT NOT NULL
    );
    CREATE TABLE auditor_response (
      id TEXT PRIMARY KEY,
      manifest_sha256 TEXT NOT NULL,
      auditor_name TEXT NOT NULL,
      auditor_firm TEXT NOT NULL,
      auditor_email TEXT,
      -- hex SHA-256 of the auditor key's SPKI DER; null for an unsigned response
      key_fingerprint TEXT,
      -- the response's own time (when the auditor saved it)
      created_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      -- JSON: the ids of the response items this import applied
      items TEXT NOT NULL
    );
    CREATE INDEX auditor_response_package ON auditor_response (manifest_sha256);`);
}

import type { Kysely } from 'kysely';

/**
 * FROZEN. A library control remembers the library's text as it last took it (JSON of the library
 * fields), so a catalog update can tell the library's changes from the user's edits (a three-way
 * comparison). Null for custom controls, and for library controls of vaults scoped before this
 * format, whose edits are then read from the audit log instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('control').addColumn('library_baseline', 'text').execute();
}

import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. An accepted risk records who accepted it and when (U17): `accepted_by_id` (a person)
 * and `accepted_on` (a date). Both start empty, and risks accepted before this format keep them
 * empty — nobody recorded it then, and inventing it would be a claim. Empty columns are left out of
 * a row's audited state, so no existing row's state changes and nothing is re-recorded.
 */
export const NAME = '2026_12_03_009_risk_acceptance';

export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await sql`ALTER TABLE risk ADD COLUMN accepted_by_id TEXT REFERENCES person(id)`.execute(db);
  await sql`ALTER TABLE risk ADD COLUMN accepted_on TEXT`.execute(db);
}

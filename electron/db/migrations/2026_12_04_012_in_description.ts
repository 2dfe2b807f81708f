import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. Every control says whether it is "in the description (will be tested)" (D1 item 5): an
 * auditor tests every control the system description describes, so one without evidence is a
 * finding even when it only supports a criterion. `in_description` is 1 (in) or 0 (left out) once
 * a user decides, and empty until then: an empty flag follows the default, "in the description
 * while implemented and in scope", computed from the assessment rather than frozen at upgrade.
 * Empty columns are left out of a row's audited state, so no existing row's state changes and
 * nothing is re-recorded.
 *
 * The key / supporting flag of each control ↔ criterion link already exists (`control_criterion
 * .key`, migration 007, every link key): links stay key until the vault takes a catalog that marks
 * supporting ones (2026.4) or a user demotes one, so a vault that declines the update keeps the
 * rule it had.
 */
export const NAME = '2026_12_04_012_in_description';

export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await sql`ALTER TABLE control ADD COLUMN in_description INTEGER
    CHECK (in_description IS NULL OR in_description IN (0, 1))`.execute(db);
}

import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. Our review of a subservice organisation's SOC report gains two facts the readiness
 * rules used to guess (issue 19, item 1):
 *
 * - **The assessment of the report's exceptions**: `exceptions_assessment` is `none_noted` (the
 *   report lists none), `assessed` (with `exceptions_conclusion`, our written conclusion on how
 *   they affect our controls) or `not_assessed`. Empty reads as not assessed: a vault that only
 *   recorded a review date never said whether the exceptions were weighed.
 * - **The bridge letter obtained**: the day it was received and the stretch it covers
 *   (`bridge_period_start`–`bridge_period_end`), optionally the evidence item that holds it and
 *   a note. `bridge_gap` stays what it was: the stretch a letter must cover, as the user wrote it.
 *
 * Every new column starts empty. Empty columns are left out of a row's audited state, so no
 * existing row's state changes and nothing is re-recorded.
 */
export const NAME = '2026_12_08_019_vendor_report_review';

/** Each new column with its declaration. */
const COLUMNS: readonly [string, string][] = [
  [
    'exceptions_assessment',
    `TEXT CHECK (exceptions_assessment IS NULL
      OR exceptions_assessment IN ('none_noted', 'assessed', 'not_assessed'))`,
  ],
  ['exceptions_conclusion', 'TEXT'],
  ['bridge_received_on', 'TEXT'],
  ['bridge_period_start', 'TEXT'],
  ['bridge_period_end', 'TEXT'],
  ['bridge_evidence_id', 'TEXT REFERENCES evidence (id)'],
  ['bridge_note', 'TEXT'],
];

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  // Only the columns missing: a test that stamps a current vault with an older format (017's)
  // runs every later migration again on a schema that already has them.
  const present = new Set(
    (ctx.db.sqlite.pragma('table_info(subservice_org)') as { name: string }[]).map((c) => c.name),
  );
  for (const [name, declaration] of COLUMNS) {
    if (!present.has(name))
      ctx.db.sqlite.exec(`ALTER TABLE subservice_org ADD COLUMN ${name} ${declaration}`);
  }
}

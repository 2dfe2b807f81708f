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

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  ctx.db.sqlite.exec(`
    ALTER TABLE subservice_org ADD COLUMN exceptions_assessment TEXT
      CHECK (exceptions_assessment IS NULL
        OR exceptions_assessment IN ('none_noted', 'assessed', 'not_assessed'));
    ALTER TABLE subservice_org ADD COLUMN exceptions_conclusion TEXT;
    ALTER TABLE subservice_org ADD COLUMN bridge_received_on TEXT;
    ALTER TABLE subservice_org ADD COLUMN bridge_period_start TEXT;
    ALTER TABLE subservice_org ADD COLUMN bridge_period_end TEXT;
    ALTER TABLE subservice_org ADD COLUMN bridge_evidence_id TEXT REFERENCES evidence (id);
    ALTER TABLE subservice_org ADD COLUMN bridge_note TEXT;`);
}

import type { Kysely } from 'kysely';
import type { MigrationContext } from './context';

/**
 * FROZEN. What an evidence item is *for* a control it is linked to (D1 item 4): an instance of
 * the control (every link so far), or — for an automated control — the change history of its
 * configuration, which an auditor asks for besides one instance of the configuration itself.
 *
 * It is a fact of the link, not of the item: one export of a system's change log can be the
 * change history of one control and an instance of another (change management's own evidence).
 * `purpose` is empty for an instance and 'change_history' otherwise, so every existing link reads
 * as the instance it was, and since empty columns are left out of a row's audited state no
 * existing link's state changes and nothing is re-recorded (a default 'instance' would have
 * changed the state of every link in every vault).
 */
export const NAME = '2026_12_09_020_change_history';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  // Only when missing: a test that stamps a current vault with an older format runs every later
  // migration again on a schema that already has it.
  const present = (ctx.db.sqlite.pragma('table_info(evidence_control)') as { name: string }[]).some(
    (c) => c.name === 'purpose',
  );
  if (present) return;
  ctx.db.sqlite.exec(`
    ALTER TABLE evidence_control ADD COLUMN purpose TEXT
      CHECK (purpose IS NULL OR purpose = 'change_history');`);
}

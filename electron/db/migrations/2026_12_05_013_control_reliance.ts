import type { Kysely } from 'kysely';
import { recordChange } from '../audit';
import type { MigrationContext } from './context';

/**
 * FROZEN. Automated controls and the IT general controls they rely on (D1 item 4): an auditor
 * relies on an automated control's configuration only while the controls over changing it
 * (change management, CC8.1) and over who can change it (logical access, CC6.1–CC6.3) hold.
 * `control_reliance` links a control to the controls it relies on; each link is an audited row.
 *
 * Existing vaults get the default the scoping applies (`shared/domain/itgc.ts`, frozen here as
 * SQL): every active automated control relies on every active control that is not automated and
 * is a key control for CC8.1, CC6.1, CC6.2 or CC6.3. Only manual and IT-dependent manual
 * controls are defaults, so the default never makes a cycle.
 */
export const NAME = '2026_12_05_013_control_reliance';

export async function up(_db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  const { sqlite } = ctx.db;
  sqlite.exec(`
    CREATE TABLE control_reliance (
      control_id TEXT NOT NULL REFERENCES control(id),
      relies_on_id TEXT NOT NULL REFERENCES control(id),
      PRIMARY KEY (control_id, relies_on_id),
      CHECK (control_id <> relies_on_id)
    ) WITHOUT ROWID;
    CREATE INDEX control_reliance_by_relied_on ON control_reliance (relies_on_id, control_id);
  `);
  const pairs = sqlite
    .prepare(
      `SELECT a.id AS control_id, i.id AS relies_on_id
         FROM control a JOIN control i ON i.id <> a.id
        WHERE a.nature = 'automated' AND a.archived_at IS NULL
          AND i.nature <> 'automated' AND i.archived_at IS NULL
          AND EXISTS (SELECT 1 FROM control_criterion cc
                       WHERE cc.control_id = i.id AND cc.key = 1
                         AND cc.criterion_id IN ('CC8.1', 'CC6.1', 'CC6.2', 'CC6.3'))
        ORDER BY a.ref, a.id, i.ref, i.id`,
    )
    .all() as { control_id: string; relies_on_id: string }[];
  const insert = sqlite.prepare(
    'INSERT INTO control_reliance (control_id, relies_on_id) VALUES (?, ?)',
  );
  for (const p of pairs) {
    insert.run(p.control_id, p.relies_on_id);
    recordChange(ctx, {
      action: 'create',
      entity: 'control_reliance',
      entityId: `${p.control_id}|${p.relies_on_id}`,
      payload: { migration: NAME, default: true },
    });
  }
}

import type { Kysely } from 'kysely';

/**
 * FROZEN. Gap analysis, risk register and remediation plan: one assessment per control, risks
 * (inherent and residual likelihood × impact), and tasks (from gaps or free-standing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('engagement').addColumn('risk_assessed_on', 'text').execute();

  await db.schema
    .createTable('assessment')
    .addColumn('control_id', 'text', (c) => c.primaryKey().references('control.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('na_reason', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('assessor_id', 'text', (c) => c.references('person.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('risk')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('treatment', 'text', (c) => c.notNull())
    .addColumn('residual_likelihood', 'integer', (c) => c.notNull())
    .addColumn('residual_impact', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('person.id'))
    .addColumn('control_ids', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text')
    .addColumn('starter_key', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('person.id'))
    .addColumn('due_on', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('control_ids', 'text', (c) => c.notNull())
    .addColumn('from_gap_control_id', 'text', (c) => c.references('control.id'))
    .addColumn('board_order', 'real', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_status')
    .on('task')
    .columns(['status', 'board_order'])
    .execute();

  // A proposed task the user dismissed: proposing again must not bring it back.
  await db.schema
    .createTable('task_dismissal')
    .addColumn('control_id', 'text', (c) => c.primaryKey().references('control.id'))
    .addColumn('dismissed_at', 'text', (c) => c.notNull())
    .execute();
}

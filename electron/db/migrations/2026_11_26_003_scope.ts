import type { Kysely } from 'kysely';

/**
 * FROZEN. Scope: the engagement's extra details and wizard progress, the vault's own copy of the
 * criteria, controls (from the library or custom; descoped ones archived, never deleted) and the
 * system description (DC 200) with subservice organisations, CUECs, incidents and changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of [
    ['services', 'text'],
    ['auditor_firm', 'text'],
    ['contacts', 'text'],
    ['scope_step', 'integer'],
    ['scope_confirmed_at', 'text'],
    ['incidents_none_as_of', 'text'],
    ['changes_none_as_of', 'text'],
  ] as const) {
    await db.schema.alterTable('engagement').addColumn(name, type).execute();
  }

  await db.schema
    .createTable('criterion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('group_title', 'text', (c) => c.notNull())
    .addColumn('coso_principle', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'integer', (c) => c.notNull())
    .addColumn('in_scope', 'integer', (c) => c.notNull())
    .addColumn('not_relevant_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('control')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('person.id'))
    .addColumn('performer_id', 'text', (c) => c.references('person.id'))
    .addColumn('reviewer_id', 'text', (c) => c.references('person.id'))
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('policy_key', 'text')
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('operating_since', 'text')
    .addColumn('test_procedure', 'text', (c) => c.notNull())
    .addColumn('test_attributes', 'text', (c) => c.notNull())
    .addColumn('evidence_guidance', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('library_ref', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('archived_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('control_archived')
    .on('control')
    .columns(['archived_at', 'ref'])
    .execute();

  await db.schema
    .createTable('sd_text')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sd_component')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subservice_org')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('csocs', 'text', (c) => c.notNull())
    .addColumn('vendor_cuecs', 'text', (c) => c.notNull())
    .addColumn('report_type', 'text')
    .addColumn('report_period_start', 'text')
    .addColumn('report_period_end', 'text')
    .addColumn('report_opinion', 'text')
    .addColumn('report_exceptions', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('bridge_gap', 'text')
    .addColumn('report_blob_id', 'integer', (c) => c.references('blob.id'))
    .addColumn('report_file_name', 'text')
    .addColumn('monitoring_control_id', 'text', (c) => c.references('control.id'))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cuec')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sd_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

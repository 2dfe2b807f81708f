import type { Kysely } from 'kysely';

/**
 * FROZEN. The auditor's request list (PBC): the requests as imported and tracked, their follow-up
 * threads, and a record of every import (file, headers, the mapping used, what happened).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('sheet', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('header_row', 'integer', (c) => c.notNull())
    // JSON: the header texts in the file's order
    .addColumn('headers', 'text', (c) => c.notNull())
    // JSON: { field: header text }
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('date_order', 'text', (c) => c.notNull())
    // JSON: { new, updated, unchanged, skipped }
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The auditor's own reference, as given; a newer version of the list updates by it.
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('wave', 'text')
    // JSON: criterion ids
    .addColumn('criteria', 'text', (c) => c.notNull())
    // JSON: control ids
    .addColumn('control_ids', 'text', (c) => c.notNull())
    .addColumn('period_text', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('as_of', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('person.id'))
    .addColumn('owner_text', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.references('person.id'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text')
    // Set only from the auditor's side: accepted | follow_up.
    .addColumn('auditor_status', 'text')
    // JSON: [[header, value]] — the whole row as last imported, in the file's order
    .addColumn('source_columns', 'text', (c) => c.notNull())
    // JSON: [[header, value]] — the columns of that row that feed no field
    .addColumn('extra_columns', 'text', (c) => c.notNull())
    // JSON: the field values as the last import read them, so a re-import applies only what
    // the auditor changed and leaves local edits alone
    .addColumn('imported_fields', 'text')
    .addColumn('import_id', 'text', (c) => c.references('request_import.id'))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_status').on('request').column('status').execute();
  await db.schema.createIndex('request_owner').on('request').column('owner_id').execute();

  await db.schema
    .createTable('request_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('request.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    // user | import
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.references('request_import.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_comment_thread')
    .on('request_comment')
    .columns(['request_id', 'created_at'])
    .execute();
}

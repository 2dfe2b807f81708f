/**
 * The sample-size table in force (T, issue 18 item 1): the built-in defaults until the auditor's
 * own is imported, kept as the audited setting `sample_size_table`.
 */
import { AttestError } from '../../../shared/api/errors';
import {
  DEFAULT_SAMPLE_SIZE_TABLE,
  type SampleSizeTable,
  sampleSizeTableSchema,
} from '../../../shared/domain/sample-size';
import { recordChange } from '../../db/audit';
import { run, tx } from '../../db/connection';
import { getSetting, putSetting } from '../../db/repos/settings';
import type { Vault } from '../vault/session';

/** The sample-size table in force: the auditor's, once imported, else the defaults. */
export function sizeTableOf(vault: Vault): { table: SampleSizeTable; isDefault: boolean } {
  const stored = getSetting(vault.db, 'sample_size_table');
  if (!stored) return { table: DEFAULT_SAMPLE_SIZE_TABLE, isDefault: true };
  return { table: sampleSizeTableSchema.parse(JSON.parse(stored)), isDefault: false };
}

/**
 * Imports the auditor's own table (JSON in the format `selfTests.sizeTable` shows), or returns to
 * the defaults with null. Validated in full first: a bad table changes nothing.
 */
export function importSizeTable(vault: Vault, json: string | null) {
  let table: SampleSizeTable | null = null;
  if (json !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new AttestError('validation', 'The sample-size table is not valid JSON.');
    }
    const checked = sampleSizeTableSchema.safeParse(parsed);
    if (!checked.success) {
      throw new AttestError(
        'validation',
        `The sample-size table is not in the expected format: ${checked.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || 'the table'}: ${i.message}`)
          .join('; ')}.`,
      );
    }
    table = checked.data;
  }
  tx(vault.db, () => {
    const had = getSetting(vault.db, 'sample_size_table') !== null;
    if (table) {
      const action = putSetting(vault.db, 'sample_size_table', JSON.stringify(table));
      recordChange(vault, {
        action,
        entity: 'setting',
        entityId: 'sample_size_table',
        payload: { name: table.name },
      });
    } else if (had) {
      run(vault.db, vault.db.qb.deleteFrom('setting').where('key', '=', 'sample_size_table'));
      recordChange(vault, { action: 'delete', entity: 'setting', entityId: 'sample_size_table' });
    }
  });
  return sizeTableView(vault);
}

export function sizeTableView(vault: Vault) {
  const { table, isDefault } = sizeTableOf(vault);
  return { table, isDefault, name: table.name, source: table.source };
}

import { type VaultDb, first, run } from '../connection';

export const SETTING_KEYS = [
  'vault_id',
  'created_at',
  'app_version',
  'current_person_id',
  // JSON: the auditor's own sample-size table (self-testing), when imported.
  'sample_size_table',
  // JSON: the vault this one was rolled forward from ("Start next period"), when it was.
  'previous_period',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export function getSetting(db: VaultDb, key: SettingKey): string | null {
  return (
    first(db, db.qb.selectFrom('setting').select('value').where('key', '=', key))?.value ?? null
  );
}

/** Inserts or replaces; returns whether the row existed before (create vs update in the log). */
export function putSetting(db: VaultDb, key: SettingKey, value: string): 'create' | 'update' {
  const existed = getSetting(db, key) !== null;
  run(
    db,
    db.qb
      .insertInto('setting')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  );
  return existed ? 'update' : 'create';
}

import type { VaultKeyTable } from '../schema';
import { type VaultDb, first, runExpect } from '../connection';

export const PRIMARY_KEY_ID = 'primary';

export function insertVaultKey(db: VaultDb, key: VaultKeyTable): void {
  runExpect(db, db.qb.insertInto('vault_key').values(key));
}

export function getVaultKey(db: VaultDb): VaultKeyTable | undefined {
  return first(db, db.qb.selectFrom('vault_key').selectAll().where('id', '=', PRIMARY_KEY_ID));
}

import { canonicalJson } from '../../db/canonical';
import { recordChange } from '../../db/audit';
import { AUDITED_ENTITIES, type AuditedEntity, entityIdOf } from '../../db/audited';
import { type VaultDb, prepare } from '../../db/connection';
import type { Row } from './roll-forward-plan';
import type { Vault } from './session';

/** The payload of every "create" a roll forward writes: the row came from the previous vault. */
export const CARRIED_PAYLOAD = { carriedForward: true } as const;

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Inserts rows exactly as the previous vault held them (same ids, so links and references stay
 * valid), each with its audit entry, so `verify` vouches for every copied row. Call inside `tx`.
 */
export function insertCarriedRows(vault: Vault, entity: AuditedEntity, rows: readonly Row[]): void {
  const table = AUDITED_ENTITIES[entity].table;
  for (const row of rows) {
    const columns = Object.keys(row);
    prepare(
      vault.db,
      `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((c) => row[c]));
    recordChange(vault, {
      action: 'create',
      entity,
      entityId: entityIdOf(entity, row),
      payload: CARRIED_PAYLOAD,
    });
  }
}

/**
 * Makes the new vault's criteria exactly the previous vault's: the same text (the catalog it was
 * scoped with, not this build's), the same scope and the same not-relevant reasons. Call in `tx`.
 */
export function syncCriteriaFrom(vault: Vault, source: readonly Row[]): void {
  const current = new Map(
    (prepare(vault.db, 'SELECT * FROM criterion').all() as Row[]).map((r) => [r.id as string, r]),
  );
  for (const row of source) {
    const id = row.id as string;
    const mine = current.get(id);
    current.delete(id);
    if (!mine) {
      insertCarriedRows(vault, 'criterion', [row]);
      continue;
    }
    if (canonicalJson(mine) === canonicalJson(row)) continue;
    const columns = Object.keys(row).filter((c) => c !== 'id');
    prepare(
      vault.db,
      `UPDATE criterion SET ${columns.map((c) => `${quoted(c)} = ?`).join(', ')} WHERE id = ?`,
    ).run(...columns.map((c) => row[c]), id);
    recordChange(vault, {
      action: 'update',
      entity: 'criterion',
      entityId: id,
      payload: CARRIED_PAYLOAD,
    });
  }
  // A criterion this build knows and the previous vault's catalog did not.
  for (const id of current.keys()) {
    prepare(vault.db, 'DELETE FROM criterion WHERE id = ?').run(id);
    recordChange(vault, {
      action: 'delete',
      entity: 'criterion',
      entityId: id,
      payload: CARRIED_PAYLOAD,
    });
  }
}

export function countRows(db: VaultDb, entity: AuditedEntity): number {
  return prepare(db, `SELECT count(*) FROM ${quoted(AUDITED_ENTITIES[entity].table)}`)
    .pluck()
    .get() as number;
}

import { AttestError } from '../../../shared/api/errors';
import { recordChange } from '../../db/audit';
import type { Vault } from '../vault/session';
import {
  type SdRecordTable,
  type SdRecordTables,
  getRow,
  insertRow,
  updateRow,
} from '../../db/repos/sd-records';

/**
 * Save and archive for the description's record tables (components, subservice organisations,
 * CUECs, events). The table name is also the audited entity name. Callers run these inside their
 * own transaction, after their checks, so a refused save changes nothing.
 */

const WHAT: Record<SdRecordTable, string> = {
  sd_component: 'component',
  subservice_org: 'subservice organisation',
  cuec: 'CUEC',
  sd_event: 'incident or change',
};

const ID_PREFIX: Record<SdRecordTable, string> = {
  sd_component: 'sdc',
  subservice_org: 'sso',
  cuec: 'cue',
  sd_event: 'sde',
};

export function requireRow<T extends SdRecordTable>(
  vault: Vault,
  table: T,
  id: string,
): SdRecordTables[T] {
  const row = getRow(vault.db, table, id);
  if (!row) throw new AttestError('not_found', `No ${WHAT[table]} ${id} in this vault`);
  return row;
}

type Columns<T extends SdRecordTable> = Omit<
  SdRecordTables[T],
  'id' | 'archived_at' | 'created_at' | 'updated_at'
>;

/** Creates the record (no id) or overwrites its columns, and logs the change with `payload`. */
export function saveRecord<T extends SdRecordTable>(
  vault: Vault,
  table: T,
  id: string | undefined,
  columns: Columns<T>,
  payload: unknown,
): SdRecordTables[T] {
  const now = vault.now();
  if (id !== undefined) {
    requireRow(vault, table, id);
    updateRow(vault.db, table, id, {
      ...columns,
      updated_at: now,
    } as unknown as Partial<Omit<SdRecordTables[T], 'id'>>);
    recordChange(vault, { action: 'update', entity: table, entityId: id, payload });
    return requireRow(vault, table, id);
  }
  const newId = vault.ids.next(ID_PREFIX[table]);
  insertRow(vault.db, table, {
    ...columns,
    id: newId,
    archived_at: null,
    created_at: now,
    updated_at: now,
  } as unknown as SdRecordTables[T]);
  recordChange(vault, { action: 'create', entity: table, entityId: newId, payload });
  return requireRow(vault, table, newId);
}

/** Archives (kept, out of the description) or restores; setting the current state is a no-op. */
export function setRecordArchived<T extends SdRecordTable>(
  vault: Vault,
  table: T,
  id: string,
  archived: boolean,
): { row: SdRecordTables[T]; changed: boolean } {
  const row = requireRow(vault, table, id);
  if ((row.archived_at !== null) === archived) return { row, changed: false };
  const now = vault.now();
  updateRow(vault.db, table, id, {
    archived_at: archived ? now : null,
    updated_at: now,
  } as unknown as Partial<Omit<SdRecordTables[T], 'id'>>);
  recordChange(vault, { action: archived ? 'archive' : 'restore', entity: table, entityId: id });
  return { row: requireRow(vault, table, id), changed: true };
}

import { AttestError } from '../../../shared/api/errors';
import type { Person, PersonInput } from '../../../shared/api/people';
import { personInput } from '../../../shared/api/people';
import { recordChange } from '../../db/audit';
import { tx } from '../../db/connection';
import {
  getPerson,
  insertPerson,
  listPeople,
  personWithEmail,
  updatePerson,
} from '../../db/repos/people';
import { getSetting, putSetting } from '../../db/repos/settings';
import type { PersonTable } from '../../db/schema';
import type { Vault } from '../vault/session';

export function toPerson(row: PersonTable): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    team: row.team,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function requirePerson(vault: Vault, id: string): PersonTable {
  const row = getPerson(vault.db, id);
  if (!row) throw new AttestError('not_found', `No person ${id} in this vault`);
  return row;
}

export function listPersons(vault: Vault, includeArchived = false): Person[] {
  return listPeople(vault.db, includeArchived).map(toPerson);
}

export function currentPersonId(vault: Vault): string | null {
  const id = getSetting(vault.db, 'current_person_id');
  return id && id !== '' ? id : null;
}

/**
 * Two people with one email are one person entered twice (U4): refused, naming who has it. The
 * same name alone is allowed — two people can share one — and the form warns about it.
 */
function refuseTakenEmail(vault: Vault, email: string | undefined, exceptId?: string): void {
  if (!email) return;
  const other = personWithEmail(vault.db, email, exceptId);
  if (!other) return;
  const message = other.archived_at
    ? `${other.name} (archived) already has the email ${other.email}; restore them instead of adding them again.`
    : `${other.name} already has the email ${other.email}.`;
  throw new AttestError('validation', message, [
    { path: ['email'], message: `${other.name} already has this email` },
  ]);
}

export function createPerson(vault: Vault, input: PersonInput): Person {
  const values = personInput.parse(input);
  return tx(vault.db, () => {
    refuseTakenEmail(vault, values.email);
    const now = vault.now();
    const row: PersonTable = {
      id: vault.ids.next('per'),
      ...values,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    insertPerson(vault.db, row);
    recordChange(vault, { action: 'create', entity: 'person', entityId: row.id, payload: values });
    return toPerson(row);
  });
}

export function updatePersonDetails(vault: Vault, id: string, patch: Partial<PersonInput>): Person {
  return tx(vault.db, () => {
    requirePerson(vault, id);
    refuseTakenEmail(vault, patch.email, id);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    updatePerson(vault.db, id, { ...changes, updated_at: vault.now() });
    recordChange(vault, { action: 'update', entity: 'person', entityId: id, payload: changes });
    return toPerson(requirePerson(vault, id));
  });
}

export function archivePerson(vault: Vault, id: string, archived: boolean): Person {
  return tx(vault.db, () => {
    const row = requirePerson(vault, id);
    if ((row.archived_at !== null) === archived) return toPerson(row);
    if (archived && currentPersonId(vault) === id) {
      throw new AttestError(
        'conflict',
        `${row.name} is the current user; choose someone else first`,
      );
    }
    const now = vault.now();
    updatePerson(vault.db, id, { archived_at: archived ? now : null, updated_at: now });
    recordChange(vault, {
      action: archived ? 'archive' : 'restore',
      entity: 'person',
      entityId: id,
    });
    return toPerson(requirePerson(vault, id));
  });
}

/** Sets who is working: from now on the audit log's actor. `null` goes back to the OS account. */
export function setCurrentPerson(
  vault: Vault,
  id: string | null,
): { currentPersonId: string | null; actor: string } {
  return tx(vault.db, () => {
    if (id !== null) {
      const row = requirePerson(vault, id);
      if (row.archived_at !== null) throw new AttestError('conflict', `${row.name} is archived`);
    }
    const action = putSetting(vault.db, 'current_person_id', id ?? '');
    recordChange(vault, {
      action,
      entity: 'setting',
      entityId: 'current_person_id',
      payload: { value: id },
    });
    return { currentPersonId: id, actor: vault.actor() };
  });
}

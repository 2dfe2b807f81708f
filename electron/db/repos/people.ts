import type { PersonTable } from '../schema';
import { type VaultDb, all, first, prepare, runExpect } from '../connection';

export function insertPerson(db: VaultDb, row: PersonTable): void {
  runExpect(db, db.qb.insertInto('person').values(row));
}

export function getPerson(db: VaultDb, id: string): PersonTable | undefined {
  return first(db, db.qb.selectFrom('person').selectAll().where('id', '=', id));
}

export function listPeople(db: VaultDb, includeArchived = false): PersonTable[] {
  let q = db.qb.selectFrom('person').selectAll().orderBy('name').orderBy('id');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q);
}

export function updatePerson(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<PersonTable, 'id'>>,
): void {
  runExpect(db, db.qb.updateTable('person').set(patch).where('id', '=', id));
}

export function countPeople(db: VaultDb): number {
  return Number(
    first(
      db,
      db.qb.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
}

/**
 * The person, archived or not, who has this email (compared without regard to ASCII case), other
 * than `exceptId` (the one being edited).
 */
export function personWithEmail(
  db: VaultDb,
  email: string,
  exceptId?: string,
): PersonTable | undefined {
  let q = db.qb
    .selectFrom('person')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return first(db, q.limit(1));
}

/**
 * The name of the vault's current user (the `current_person_id` setting), or null when none is
 * set or the person is gone. Asked for every audit entry, so a cached statement, not a builder.
 */
export function currentPersonName(db: VaultDb): string | null {
  const row = prepare(
    db,
    "SELECT p.name FROM setting s JOIN person p ON p.id = s.value WHERE s.key = 'current_person_id'",
  ).get() as { name: string } | undefined;
  return row?.name ?? null;
}

import { type VaultDb, all, first, runExpect } from '../connection';
import type {
  PolicyAckTable,
  PolicyPromiseTable,
  PolicyTable,
  PolicyVersionTable,
} from '../schema';

/** Bound parameters per `IN (…)`, well under SQLite's limit. */
const CHUNK = 500;

export function insertPolicy(db: VaultDb, row: PolicyTable): void {
  runExpect(db, db.qb.insertInto('policy').values(row));
}

export function updatePolicyRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<PolicyTable, 'id'>>,
): void {
  runExpect(db, db.qb.updateTable('policy').set(patch).where('id', '=', id));
}

export function getPolicyRow(db: VaultDb, id: string): PolicyTable | undefined {
  return first(db, db.qb.selectFrom('policy').selectAll().where('id', '=', id));
}

export function policyByTemplate(db: VaultDb, key: string): PolicyTable | undefined {
  return first(db, db.qb.selectFrom('policy').selectAll().where('template_key', '=', key));
}

export function listPolicyRows(db: VaultDb, includeArchived: boolean): PolicyTable[] {
  let q = db.qb
    .selectFrom('policy')
    .selectAll()
    .orderBy('archived_at')
    .orderBy('title')
    .orderBy('id');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q);
}

export function insertVersion(db: VaultDb, row: PolicyVersionTable): void {
  runExpect(db, db.qb.insertInto('policy_version').values(row));
}

/** Updates a draft; an approved row is never touched (the trigger would refuse it anyway). */
export function updateDraftRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<PolicyVersionTable, 'id' | 'policy_id' | 'number'>>,
): void {
  runExpect(
    db,
    db.qb
      .updateTable('policy_version')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'draft'),
  );
}

export function getVersionRow(db: VaultDb, id: string): PolicyVersionTable | undefined {
  return first(db, db.qb.selectFrom('policy_version').selectAll().where('id', '=', id));
}

/** Every version of these policies, newest first within each. */
export function versionRowsOf(db: VaultDb, policyIds: readonly string[]): PolicyVersionTable[] {
  const out: PolicyVersionTable[] = [];
  for (let i = 0; i < policyIds.length; i += CHUNK)
    out.push(
      ...all(
        db,
        db.qb
          .selectFrom('policy_version')
          .selectAll()
          .where('policy_id', 'in', policyIds.slice(i, i + CHUNK))
          .orderBy('policy_id')
          .orderBy('number', 'desc'),
      ),
    );
  return out;
}

export function controlIdsOfPolicies(
  db: VaultDb,
  policyIds: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < policyIds.length; i += CHUNK) {
    const rows = all(
      db,
      db.qb
        .selectFrom('policy_control as l')
        .innerJoin('control as c', 'c.id', 'l.control_id')
        .select(['l.policy_id', 'l.control_id'])
        .where('l.policy_id', 'in', policyIds.slice(i, i + CHUNK))
        .orderBy('c.ref'),
    );
    for (const r of rows) out.set(r.policy_id, [...(out.get(r.policy_id) ?? []), r.control_id]);
  }
  return out;
}

/** The template keys of the policies each control is linked to, by key. */
export function templatePoliciesOfControls(
  db: VaultDb,
  controlIds: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < controlIds.length; i += CHUNK) {
    const rows = all(
      db,
      db.qb
        .selectFrom('policy_control as l')
        .innerJoin('policy as p', 'p.id', 'l.policy_id')
        .select(['l.control_id', 'p.template_key'])
        .where('l.control_id', 'in', controlIds.slice(i, i + CHUNK))
        .where('p.template_key', 'is not', null)
        .orderBy('p.template_key'),
    );
    for (const r of rows)
      out.set(r.control_id, [...(out.get(r.control_id) ?? []), r.template_key!]);
  }
  return out;
}

/** The policies a control is linked to. */
export function policyIdsOfControl(db: VaultDb, controlId: string): string[] {
  return all(
    db,
    db.qb
      .selectFrom('policy_control')
      .select('policy_id')
      .where('control_id', '=', controlId)
      .orderBy('policy_id'),
  ).map((r) => r.policy_id);
}

export function promiseRowsOf(
  db: VaultDb,
  policyIds: readonly string[],
): { promise: PolicyPromiseTable; controlIds: string[] }[] {
  const out: { promise: PolicyPromiseTable; controlIds: string[] }[] = [];
  for (let i = 0; i < policyIds.length; i += CHUNK) {
    const promises = all(
      db,
      db.qb
        .selectFrom('policy_promise')
        .selectAll()
        .where('policy_id', 'in', policyIds.slice(i, i + CHUNK))
        .orderBy('policy_id')
        .orderBy('position'),
    );
    const links = new Map<string, string[]>();
    const ids = promises.map((p) => p.id);
    for (let j = 0; j < ids.length; j += CHUNK)
      for (const r of all(
        db,
        db.qb
          .selectFrom('policy_promise_control as l')
          .innerJoin('control as c', 'c.id', 'l.control_id')
          .select(['l.promise_id', 'l.control_id'])
          .where('l.promise_id', 'in', ids.slice(j, j + CHUNK))
          .orderBy('c.ref'),
      ))
        links.set(r.promise_id, [...(links.get(r.promise_id) ?? []), r.control_id]);
    for (const p of promises) out.push({ promise: p, controlIds: links.get(p.id) ?? [] });
  }
  return out;
}

export function insertAck(db: VaultDb, row: PolicyAckTable): void {
  runExpect(db, db.qb.insertInto('policy_ack').values(row));
}

export function ackOf(
  db: VaultDb,
  versionId: string,
  personId: string,
): PolicyAckTable | undefined {
  return first(
    db,
    db.qb
      .selectFrom('policy_ack')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('person_id', '=', personId),
  );
}

export function acksOfPolicy(db: VaultDb, policyId: string) {
  return all(
    db,
    db.qb
      .selectFrom('policy_ack as a')
      .innerJoin('policy_version as v', 'v.id', 'a.version_id')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .selectAll('a')
      .select(['v.number as version_number', 'p.name as person_name'])
      .where('v.policy_id', '=', policyId)
      .orderBy('v.number', 'desc')
      .orderBy('p.name')
      .orderBy('a.id'),
  );
}

export function acksOfVersion(db: VaultDb, versionId: string): PolicyAckTable[] {
  return all(db, db.qb.selectFrom('policy_ack').selectAll().where('version_id', '=', versionId));
}

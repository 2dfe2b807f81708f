import type { Kysely } from 'kysely';
import { type AuditContext, recordChange } from '../audit';
import { linkId } from '../audited';
import { type VaultDb, all, runExpect } from '../connection';
import type { VaultSchema } from '../schema';

/**
 * Links are rows (DESIGN §3): one table per kind of link, with foreign keys both ways and an
 * index from the far end. These functions read and write any of them; the far end's order
 * (criteria in catalog order, controls by reference) is the order every list shows.
 */
export const LINKS = {
  control_criterion: { from: 'control_id', to: 'criterion_id', toTable: 'criterion' },
  risk_control: { from: 'risk_id', to: 'control_id', toTable: 'control' },
  task_control: { from: 'task_id', to: 'control_id', toTable: 'control' },
  request_criterion: { from: 'request_id', to: 'criterion_id', toTable: 'criterion' },
  request_control: { from: 'request_id', to: 'control_id', toTable: 'control' },
  subservice_criterion: { from: 'subservice_id', to: 'criterion_id', toTable: 'criterion' },
  cuec_criterion: { from: 'cuec_id', to: 'criterion_id', toTable: 'criterion' },
  csoc_criterion: { from: 'csoc_id', to: 'criterion_id', toTable: 'criterion' },
  vendor_cuec_control: { from: 'vendor_cuec_id', to: 'control_id', toTable: 'control' },
  evidence_control: { from: 'evidence_id', to: 'control_id', toTable: 'control' },
  evidence_request: { from: 'evidence_id', to: 'request_id', toTable: 'request' },
  population_support: { from: 'population_id', to: 'evidence_id', toTable: 'evidence' },
  policy_control: { from: 'policy_id', to: 'control_id', toTable: 'control' },
  policy_promise_control: { from: 'promise_id', to: 'control_id', toTable: 'control' },
  control_reliance: { from: 'control_id', to: 'relies_on_id', toTable: 'control' },
} as const satisfies Record<
  string,
  { from: string; to: string; toTable: 'criterion' | 'control' | 'request' | 'evidence' } & object
>;

export type LinkName = keyof typeof LINKS & keyof VaultSchema;

const ORDER = {
  criterion: 'sort_key',
  control: 'ref',
  request: 'ref_sort',
  evidence: 'seq',
} as const;
/** Bound parameters per `IN (…)`: well under SQLite's limit, whatever the build. */
const CHUNK = 500;

/** Link tables are addressed by name, which kysely's types cannot follow; the SQL is plain. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- table chosen at run time from LINKS
const untyped = (db: VaultDb) => db.qb as unknown as Kysely<any>;

function selectLinks(db: VaultDb, name: LinkName) {
  const l = LINKS[name];
  return untyped(db)
    .selectFrom(`${name} as l`)
    .innerJoin(`${l.toTable} as t`, 't.id', `l.${l.to}`)
    .select([`l.${l.from} as from`, `l.${l.to} as to`])
    .orderBy(`l.${l.from}`)
    .orderBy(`t.${ORDER[l.toTable]}`)
    .orderBy(`l.${l.to}`);
}

/** The far ends of one record's links, in the far end's order. */
export function linkedTo(db: VaultDb, name: LinkName, fromId: string): string[] {
  return linksOf(db, name, [fromId]).get(fromId) ?? [];
}

/**
 * The far ends of many records' links at once (every record of the table when `fromIds` is
 * omitted), so a list maps its rows without a query per row. Records without links are absent.
 */
export function linksOf(
  db: VaultDb,
  name: LinkName,
  fromIds?: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (rows: { from: string; to: string }[]) => {
    for (const r of rows) {
      const list = out.get(r.from);
      if (list) list.push(r.to);
      else out.set(r.from, [r.to]);
    }
  };
  if (fromIds === undefined) {
    add(all(db, selectLinks(db, name)) as { from: string; to: string }[]);
    return out;
  }
  const l = LINKS[name];
  const unique = [...new Set(fromIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const slice = unique.slice(i, i + CHUNK);
    add(
      all(db, selectLinks(db, name).where(`l.${l.from}`, 'in', slice)) as {
        from: string;
        to: string;
      }[],
    );
  }
  return out;
}

/** The records that link to `toId` (controls mapped to a criterion, tasks of a control, …). */
export function linkedFrom(db: VaultDb, name: LinkName, toId: string): string[] {
  const l = LINKS[name];
  return (
    all(
      db,
      untyped(db)
        .selectFrom(name)
        .select(`${l.from} as from`)
        .where(l.to, '=', toId)
        .orderBy(l.from),
    ) as { from: string }[]
  ).map((r) => r.from);
}

/**
 * Makes one record's links exactly `toIds`, inside the caller's transaction: each link added or
 * removed is its own audit entry (entity = the link table, id = `<from>|<to>`), so the log shows
 * which link changed, not only that the record did. Links kept are untouched (a control's `key`
 * flag survives a remapping). A new control ↔ criterion link is key unless `isKey` (the library's
 * marks, for a library control) says it only supports. Returns whether anything changed.
 */
export function replaceLinks(
  ctx: AuditContext,
  name: LinkName,
  fromId: string,
  toIds: readonly string[],
  payload: unknown = {},
  isKey: (toId: string) => boolean = () => true,
): boolean {
  const { db } = ctx;
  const l = LINKS[name];
  const wanted = new Set(toIds);
  const current = new Set(linkedTo(db, name, fromId));
  let changed = false;
  for (const to of current) {
    if (wanted.has(to)) continue;
    runExpect(db, untyped(db).deleteFrom(name).where(l.from, '=', fromId).where(l.to, '=', to));
    recordChange(ctx, { action: 'delete', entity: name, entityId: linkId(fromId, to), payload });
    changed = true;
  }
  for (const to of wanted) {
    if (current.has(to)) continue;
    const values: Record<string, unknown> = { [l.from]: fromId, [l.to]: to };
    if (name === 'control_criterion') values.key = isKey(to) ? 1 : 0;
    runExpect(db, untyped(db).insertInto(name).values(values));
    recordChange(ctx, { action: 'create', entity: name, entityId: linkId(fromId, to), payload });
    changed = true;
  }
  return changed;
}

/** Active controls mapped to each of these criteria, by reference (for requests' "via" list). */
export function activeControlsByCriterion(
  db: VaultDb,
  criterionIds: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < criterionIds.length; i += CHUNK) {
    const rows = all(
      db,
      db.qb
        .selectFrom('control_criterion as l')
        .innerJoin('control as c', 'c.id', 'l.control_id')
        .select(['l.criterion_id', 'l.control_id'])
        .where('l.criterion_id', 'in', criterionIds.slice(i, i + CHUNK))
        .where('c.archived_at', 'is', null)
        .orderBy('c.ref'),
    );
    for (const r of rows)
      out.set(r.criterion_id, [...(out.get(r.criterion_id) ?? []), r.control_id]);
  }
  return out;
}

/**
 * Each control's criteria with whether it is key for each (DESIGN §4: the library marks each
 * link key or supporting; users may change it). Every control of the table when `controlIds` is
 * omitted.
 */
export function criterionRolesOf(
  db: VaultDb,
  controlIds?: readonly string[],
): Map<string, Map<string, boolean>> {
  const out = new Map<string, Map<string, boolean>>();
  const add = (rows: { control_id: string; criterion_id: string; key: number }[]) => {
    for (const r of rows) {
      let roles = out.get(r.control_id);
      if (!roles) out.set(r.control_id, (roles = new Map()));
      roles.set(r.criterion_id, r.key === 1);
    }
  };
  const select = () =>
    db.qb
      .selectFrom('control_criterion as l')
      .innerJoin('criterion as t', 't.id', 'l.criterion_id')
      .select(['l.control_id', 'l.criterion_id', 'l.key'])
      .orderBy('l.control_id')
      .orderBy('t.sort_key');
  if (controlIds === undefined) {
    add(all(db, select()));
    return out;
  }
  const unique = [...new Set(controlIds)];
  for (let i = 0; i < unique.length; i += CHUNK)
    add(all(db, select().where('l.control_id', 'in', unique.slice(i, i + CHUNK))));
  return out;
}

import { all, first, prepare } from '../connection';
import type { VaultDb } from '../connection';
import type { AuditEventTable } from '../schema';

export interface AuditFilter {
  afterSeq?: number;
  entity?: string;
  entityId?: string;
  actor?: string;
}

function filtered(db: VaultDb, f: AuditFilter) {
  let q = db.qb.selectFrom('audit_event');
  if (f.afterSeq !== undefined) q = q.where('seq', '>', f.afterSeq);
  if (f.entity !== undefined) q = q.where('entity', '=', f.entity);
  if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
  if (f.entityId !== undefined) {
    const id = f.entityId;
    // A link row's id joins its ends with `|`: the record's history includes its links.
    q = q.where((eb) =>
      eb.or([
        eb('entity_id', '=', id),
        eb('entity_id', 'like', `${id}|%`),
        eb('entity_id', 'like', `%|${id}`),
      ]),
    );
  }
  return q;
}

/** A page of the audit history, newest first, after the entry `beforeSeq` when given. */
export function auditPage(
  db: VaultDb,
  f: AuditFilter,
  limit: number,
  beforeSeq: number | null,
): { rows: AuditEventTable[]; total: number } {
  let q = filtered(db, f).selectAll();
  if (beforeSeq !== null) q = q.where('seq', '<', beforeSeq);
  const rows = all(db, q.orderBy('seq', 'desc').limit(limit));
  const count = first(
    db,
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { rows, total: Number(count?.n ?? 0) };
}

/** One field of one entry whose value before that entry is wanted. */
export interface PriorWanted {
  seq: number;
  entity: string;
  entityId: string;
  field: string;
}

/** A field name that can stand in a JSON path unquoted-safe (the API's names all do). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * For each wanted field, the value (as JSON text) the same record's latest earlier entry
 * recorded for it, or no key when no earlier entry did. One query for the whole page: the
 * wanted fields travel as one JSON parameter, and each lookup walks the record's entries down
 * from the entry through `audit_event_entity` (entity, entity_id, seq) until one names the
 * field — the log keeps no old states, so the previous value is the last one written.
 */
export function priorValues(db: VaultDb, wanted: readonly PriorWanted[]): Map<string, string> {
  const out = new Map<string, string>();
  const usable = wanted.filter((w) => FIELD_NAME.test(w.field));
  if (usable.length === 0) return out;
  const rows = prepare(
    db,
    `WITH wanted AS (
       SELECT value ->> 0 AS seq, value ->> 1 AS entity, value ->> 2 AS entity_id,
              '$.' || (value ->> 3) AS path
       FROM json_each(?)
     )
     SELECT w.seq AS seq, substr(w.path, 3) AS field,
       (SELECT v FROM (
          -- CASE, not AND: the planner may test terms in any order, and -> throws on a
          -- payload that is not JSON (recordChange writes only JSON; this stays safe anyway).
          SELECT a.seq, CASE WHEN json_valid(a.payload) THEN a.payload -> w.path END AS v
          FROM audit_event a
          WHERE a.entity = w.entity AND a.entity_id = w.entity_id AND a.seq < w.seq
        ) WHERE v IS NOT NULL ORDER BY seq DESC LIMIT 1) AS value
     FROM wanted w`,
  ).all(JSON.stringify(usable.map((w) => [w.seq, w.entity, w.entityId, w.field]))) as {
    seq: number;
    field: string;
    value: string | null;
  }[];
  for (const r of rows) if (r.value !== null) out.set(priorKey(r.seq, r.field), r.value);
  return out;
}

export function priorKey(seq: number, field: string): string {
  return `${seq}:${field}`;
}

/** The columns of an audited table, read from the schema (a payload field names one or not). */
export function tableColumns(db: VaultDb, table: string): Set<string> {
  const cols = prepare(db, 'SELECT name FROM pragma_table_info(?)').all(table) as {
    name: string;
  }[];
  return new Set(cols.map((c) => c.name));
}

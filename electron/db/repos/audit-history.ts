import { all, first } from '../connection';
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

/**
 * The evidence list in SQL (DESIGN §2): filtered by control, criterion, request, type, window
 * status and reviewer, ordered, paged by keyset and counted by SQL; search through the FTS5
 * index. Nothing reads the whole table into JavaScript to return a page.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { EvidenceFilter, EvidenceSort } from '../../../shared/api/evidence';
import type { EngagementRange } from '../../../shared/domain/evidence-window';
import { type VaultDb, prepare } from '../connection';
import type { EvidenceTable } from '../schema';
import { type OrderTerm, countOf, emptyLast, keysetPage, term } from './keyset';

/** The window status of each row, as `windowStatus` in shared/domain/evidence-window.ts. */
export function windowStatusSql(range: EngagementRange | null) {
  const start = range?.start ?? '0000-01-01';
  const end = range?.end ?? '9999-12-31';
  const from = sql`COALESCE(e.window_start, e.as_of)`;
  const to = sql`COALESCE(e.window_end, e.as_of)`;
  return sql<string>`(CASE
    WHEN ${from} IS NULL THEN 'undated'
    WHEN ${from} >= ${start} AND ${to} <= ${end} THEN 'inside'
    WHEN ${to} < ${start} OR ${from} > ${end} THEN 'outside'
    ELSE 'partly' END)`;
}

export function evidenceOrder(sort: EvidenceSort): OrderTerm[] {
  const { dir } = sort;
  const tail = [term('e.seq', dir)];
  switch (sort.key) {
    case 'ref':
      return tail;
    case 'title':
      return [{ expr: sql`(e.title COLLATE NOCASE)`, dir }, ...tail];
    case 'performedOn':
      return [...emptyLast(sql`e.performed_on`, dir), ...tail];
    case 'createdAt':
      return [term('e.created_at', dir), ...tail];
    default: {
      const unknown: never = sort.key;
      throw new Error(`No order for evidence sort ${String(unknown)}`);
    }
  }
}

function filtered(db: VaultDb, f: EvidenceFilter, range: EngagementRange | null) {
  let q = db.qb.selectFrom('evidence as e');
  if (!f.includeSuperseded) q = q.where('e.superseded_by_id', 'is', null);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.reviewerId) q = q.where('e.reviewer_id', '=', f.reviewerId);
  if (f.reviewed !== undefined) q = q.where('e.reviewed_on', f.reviewed ? 'is not' : 'is', null);
  // One control: driven from the link's index (a control has a few hundred items at most) and
  // sorted, rather than walking every item in order; a link row is unique, so no duplicates.
  if (f.controlId) {
    q = q
      .innerJoin('evidence_control as ec', 'ec.evidence_id', 'e.id')
      .where('ec.control_id', '=', f.controlId);
  }
  // A criterion's items may come through several controls: `IN (subquery)`, built once.
  if (f.criterionId) {
    q = q.where(
      'e.id',
      'in',
      db.qb
        .selectFrom('evidence_control as ec')
        .innerJoin('control_criterion as cc', 'cc.control_id', 'ec.control_id')
        .select('ec.evidence_id')
        .where('cc.criterion_id', '=', f.criterionId),
    );
  }
  if (f.requestId) {
    q = q
      .innerJoin('evidence_request as er', 'er.evidence_id', 'e.id')
      .where('er.request_id', '=', f.requestId);
  }
  if (f.windowStatus) {
    q = q.where(sql<SqlBool>`${windowStatusSql(range)} = ${f.windowStatus}` as Expression<SqlBool>);
  }
  return q;
}

export function listEvidencePage(
  db: VaultDb,
  f: EvidenceFilter,
  sort: EvidenceSort,
  page: { limit: number; cursor?: string | undefined },
  range: EngagementRange | null,
): { rows: EvidenceTable[]; nextCursor: string | null; total: number } {
  const q = filtered(db, f, range);
  const { rows, nextCursor } = keysetPage(db, q.selectAll('e'), evidenceOrder(sort), page);
  return { rows: rows as EvidenceTable[], nextCursor, total: countOf(db, q) };
}

/**
 * Words typed by a person as an FTS5 query: each word a quoted prefix term, all of them
 * required, so punctuation or FTS syntax in the text ("AND", quotes, `*`) is only ever text.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(' ');
}

export function searchEvidence(
  db: VaultDb,
  text: string,
  limit: number,
): { id: string; ref: string; title: string; snippet: string }[] {
  const query = ftsQuery(text);
  if (query === null) return [];
  // Current items before superseded ones, then the index's own ranking.
  const compiled = sql<{ id: string; ref: string; title: string; snippet: string }>`
      SELECT e.id, e.ref, e.title,
        snippet(evidence_search, -1, '[', ']', '…', 12) AS snippet
      FROM evidence_search JOIN evidence e ON e.seq = evidence_search.rowid
      WHERE evidence_search MATCH ${query}
      ORDER BY (e.superseded_by_id IS NOT NULL), rank, e.seq
      LIMIT ${limit}`.compile(db.qb);
  const rows = prepare(db, compiled.sql).all(...(compiled.parameters as unknown[])) as {
    id: string;
    ref: string;
    title: string;
    snippet: string;
  }[];
  db.stats.rowsRead += rows.length;
  return rows;
}

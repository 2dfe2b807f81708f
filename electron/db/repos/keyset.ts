import {
  type Expression,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { AttestError } from '../../../shared/api/errors';
import { type VaultDb, all, first } from '../connection';
import type { VaultSchema } from '../schema';

/**
 * Keyset paging (DESIGN §2): a list is ordered by a few terms ending with a unique one, and the
 * next page starts strictly after the last row seen — `WHERE (t1, t2, …) > (v1, v2, …)` spelled
 * out term by term, so it is portable SQL and uses the index that matches the order. Empty values
 * are sorted last in both directions by a leading "is empty" term (0 before 1) rather than by a
 * database's own NULLS FIRST/LAST rule.
 */
export interface OrderTerm {
  /** An SQL expression over the query's tables. */
  expr: RawBuilder<unknown>;
  dir: 'asc' | 'desc';
}

/** `column` as an order term. */
export const term = (column: string, dir: 'asc' | 'desc' = 'asc'): OrderTerm => ({
  expr: sql`${sql.ref(column)}`,
  dir,
});

/** Empty (NULL, or '' when `blank`) values last, then the value itself in `dir`. */
export function emptyLast(
  expr: RawBuilder<unknown>,
  dir: 'asc' | 'desc',
  options: { blank?: boolean } = {},
): OrderTerm[] {
  const empty = options.blank
    ? sql`(CASE WHEN ${expr} IS NULL OR ${expr} = '' THEN 1 ELSE 0 END)`
    : sql`(CASE WHEN ${expr} IS NULL THEN 1 ELSE 0 END)`;
  return [
    { expr: empty, dir: 'asc' },
    { expr, dir },
  ];
}

/** Applies the terms as ORDER BY. */
export function ordered<Q extends { orderBy(expr: Expression<unknown>, dir: 'asc' | 'desc'): Q }>(
  query: Q,
  terms: readonly OrderTerm[],
): Q {
  return terms.reduce((q, t) => q.orderBy(t.expr, t.dir), query);
}

/** The row values of the terms, as a select list (`k0`, `k1`, …) to read a cursor row's keys. */
export function keyColumns(terms: readonly OrderTerm[]) {
  return terms.map((t, i) => t.expr.as(`k${i}`));
}

/**
 * "Sorts after `values`" for the terms: the disjunction over each term of (all earlier terms
 * equal, this one strictly after). An earlier NULL compares with IS NULL; a NULL cannot be
 * strictly passed at its own term (the "is empty" term before it has already grouped it).
 */
export function after(
  terms: readonly OrderTerm[],
  values: readonly unknown[],
): Expression<SqlBool> {
  if (values.length !== terms.length) {
    throw new Error(`keyset: ${terms.length} terms but ${values.length} cursor values`);
  }
  const equal = (i: number) =>
    values[i] === null ? sql`${terms[i]!.expr} IS NULL` : sql`${terms[i]!.expr} = ${values[i]}`;
  const disjuncts: RawBuilder<unknown>[] = [];
  terms.forEach((t, i) => {
    if (values[i] === null) return;
    const strictly =
      t.dir === 'asc' ? sql`${t.expr} > ${values[i]}` : sql`${t.expr} < ${values[i]}`;
    const before = Array.from({ length: i }, (_, j) => equal(j));
    disjuncts.push(sql`(${sql.join([...before, strictly], sql` AND `)})`);
  });
  return disjuncts.length === 0
    ? sql<SqlBool>`(1 = 0)`
    : sql<SqlBool>`(${sql.join(disjuncts, sql` OR `)})`;
}

/** An opaque cursor carrying the last row's keys (for lists whose cursor is not a reference). */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] | null {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(values) || values.length !== length) return null;
    return values.every((v) => v === null || ['string', 'number'].includes(typeof v))
      ? values
      : null;
  } catch {
    return null;
  }
}

/**
 * Reads one page of `query` (already filtered) in the terms' order after an opaque cursor, and
 * the cursor of the next page (null when this is the last). The cursor carries the last row's
 * key values, read by SQL with the row itself.
 */
export function keysetPage<R>(
  db: VaultDb,
  query: SelectQueryBuilder<VaultSchema, never, R>,
  terms: readonly OrderTerm[],
  page: { limit: number; cursor?: string | undefined },
): { rows: R[]; nextCursor: string | null } {
  let q = ordered(query.select(keyColumns(terms) as never), terms).limit(page.limit + 1);
  if (page.cursor !== undefined) {
    const values = decodeCursor(page.cursor, terms.length);
    if (!values) {
      throw new AttestError(
        'validation',
        'This list position is not one the list gave; read it again',
        [{ path: ['cursor'], message: 'Not a cursor of this list' }],
      );
    }
    q = q.where(after(terms, values));
  }
  const rows = all(db, q) as (R & Record<string, unknown>)[];
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  return {
    rows: kept,
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor(terms.map((_, i) => last[`k${i}`] ?? null))
        : null,
  };
}

/** How many rows the (filtered) query has. */
export function countOf(
  db: VaultDb,
  query: SelectQueryBuilder<VaultSchema, never, unknown>,
): number {
  const row = first(db, query.select(sql<number>`count(*)`.as('n')) as never) as
    { n: number } | undefined;
  return Number(row?.n ?? 0);
}

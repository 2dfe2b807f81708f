/**
 * Controls as lists (DESIGN §2): the Scope screen's table and the gap analysis' table, filtered,
 * ordered and paged in SQL, counted by SQL; "select all matching" resolves the same filter. Every
 * order ends in the reference and the id, so keyset paging never repeats or skips a row.
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ControlSortKey } from '../../../shared/api/controls';
import type { AssessedSortKey } from '../../../shared/api/gaps';
import { DOMAINS, DOMAIN_LABELS, FREQUENCIES } from '../../../shared/domain/catalog';
import { type VaultDb, all } from '../connection';
import type { ControlTable } from '../schema';
import type { ListSort, Page, PageRequest } from './lists';
import { type OrderTerm, countOf, emptyLast, keysetPage, term } from './keyset';
import { likePattern } from './search';

type Dir = 'asc' | 'desc';

export interface ControlListFilter {
  search?: string | undefined;
  criterionId?: string | undefined;
  domain?: string | undefined;
  includeArchived: boolean;
  /** An assessment status, or `not_assessed` for controls without an assessment. */
  status?: string | undefined;
  ownerId?: string | undefined;
  unowned?: boolean | undefined;
  warningsOnly?: boolean | undefined;
}

/**
 * Where the warnings' "operating since after the start" is measured from: the period's start
 * (Type II) or the as-of date (Type I); null when the engagement has neither yet.
 */
export interface WarningContext {
  start: string | null;
}

/** A status's place in the gap analysis' order: what needs work first. */
const STATUS_ORDER = [
  'not_assessed',
  'not_implemented',
  'partial',
  'implemented',
  'not_applicable',
];

/** The domains in the order of their labels, as the Scope table shows them. */
const DOMAINS_BY_LABEL = [...DOMAINS].sort((a, b) =>
  DOMAIN_LABELS[a].localeCompare(DOMAIN_LABELS[b]),
);

function rankOf(expr: RawBuilder<unknown>, values: readonly string[]) {
  return sql`(CASE ${expr} ${sql.join(
    values.map((v, i) => sql`WHEN ${v} THEN ${i}`),
    sql` `,
  )} END)`;
}

const statusOf = sql`COALESCE(a.status, 'not_assessed')`;

// Each warning as SQL, so the filter, the row's marks and the summary's lists agree.
const noOwner = sql<SqlBool>`(c.owner_id IS NULL)`;
const samePerformerReviewer = sql<SqlBool>`(c.performer_id IS NOT NULL AND c.performer_id = c.reviewer_id)`;
const lateStart = (w: WarningContext) =>
  w.start === null
    ? sql<SqlBool>`(1 = 0)`
    : sql<SqlBool>`(c.operating_since IS NOT NULL AND c.operating_since > ${w.start})`;

/**
 * References in natural order without a stored key: the text before the trailing number
 * (ignoring case), then that number as a number — "AC-2" before "AC-10", "CUS-9" before
 * "CUS-10" — then the reference itself and the id. Library and generated references are
 * "PREFIX-nn"; a reference with numbers inside it orders those as text.
 */
const controlRef = (dir: Dir): OrderTerm[] => [
  { expr: sql`(rtrim(c.ref, '0123456789') COLLATE NOCASE)`, dir },
  { expr: sql`CAST(substr(c.ref, length(rtrim(c.ref, '0123456789')) + 1) AS INTEGER)`, dir },
  term('c.ref', dir),
  term('c.id', dir),
];

function controlOrder(key: ControlSortKey | AssessedSortKey, dir: Dir): OrderTerm[] {
  const byRef = controlRef('asc');
  switch (key) {
    case 'ref':
      return controlRef(dir);
    case 'title':
      return [{ expr: sql`(c.title COLLATE NOCASE)`, dir }, ...byRef];
    case 'domain':
      return [{ expr: rankOf(sql`c.domain`, DOMAINS_BY_LABEL), dir }, ...byRef];
    case 'owner':
      return [...emptyLast(sql`(p.name COLLATE NOCASE)`, dir), ...byRef];
    case 'frequency':
      return [{ expr: rankOf(sql`c.frequency`, FREQUENCIES), dir }, ...byRef];
    case 'criteria':
      return [
        {
          expr: sql`(SELECT count(*) FROM control_criterion l WHERE l.control_id = c.id)`,
          dir,
        },
        ...byRef,
      ];
    case 'status':
      return [{ expr: rankOf(statusOf, STATUS_ORDER), dir }, ...byRef];
    default: {
      const unknown: never = key;
      throw new Error(`No order for control sort ${String(unknown)}`);
    }
  }
}

/** The search box: reference, title, description, the owner's name, a mapped criterion's id. */
function matchesSearch(search: string): Expression<SqlBool> {
  const pattern = likePattern(search);
  const like = (col: string) => sql`${sql.ref(col)} LIKE ${pattern} ESCAPE '\\'`;
  return sql<SqlBool>`(${sql.join(
    [
      ...['c.ref', 'c.title', 'c.description', 'p.name'].map(like),
      sql`EXISTS (SELECT 1 FROM control_criterion l WHERE l.control_id = c.id AND l.criterion_id LIKE ${pattern} ESCAPE '\\')`,
    ],
    sql` OR `,
  )})`;
}

function controlsWhere(db: VaultDb, f: ControlListFilter, w: WarningContext) {
  let q = db.qb
    .selectFrom('control as c')
    .leftJoin('assessment as a', 'a.control_id', 'c.id')
    .leftJoin('person as p', 'p.id', 'c.owner_id');
  if (!f.includeArchived) q = q.where('c.archived_at', 'is', null);
  if (f.domain) q = q.where('c.domain', '=', f.domain);
  if (f.criterionId) {
    const criterionId = f.criterionId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('control_criterion as l')
          .select('l.control_id')
          .whereRef('l.control_id', '=', 'c.id')
          .where('l.criterion_id', '=', criterionId),
      ),
    );
  }
  if (f.status) q = q.where(sql<SqlBool>`${statusOf} = ${f.status}`);
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.unowned) q = q.where('c.owner_id', 'is', null);
  if (f.warningsOnly) {
    q = q.where(sql<SqlBool>`(${noOwner} OR ${samePerformerReviewer} OR ${lateStart(w)})`);
  }
  if (f.search) q = q.where(matchesSearch(f.search));
  return q;
}

/** A page of controls for the Scope screen's table. */
export function listControlPage(
  db: VaultDb,
  f: ControlListFilter,
  sort: ListSort<ControlSortKey>,
  page: PageRequest,
): Page<ControlTable> {
  const none: WarningContext = { start: null };
  const { rows, nextCursor } = keysetPage(
    db,
    controlsWhere(db, f, none).selectAll('c'),
    controlOrder(sort.key, sort.dir),
    page,
  );
  return {
    rows: rows as ControlTable[],
    nextCursor,
    total: countOf(db, controlsWhere(db, f, none)),
  };
}

/** A control row with its assessment status and warning marks, as SQL computed them. */
export interface AssessedControlRow extends ControlTable {
  assessment_status: string;
  w_no_owner: number;
  w_same_performer_reviewer: number;
  w_late_start: number;
}

/** A page of the gap analysis' table: each control with its status and warnings. */
export function listAssessedControlPage(
  db: VaultDb,
  f: ControlListFilter,
  w: WarningContext,
  sort: ListSort<AssessedSortKey>,
  page: PageRequest,
): Page<AssessedControlRow> {
  const query = controlsWhere(db, f, w)
    .selectAll('c')
    .select([
      statusOf.as('assessment_status'),
      noOwner.as('w_no_owner'),
      samePerformerReviewer.as('w_same_performer_reviewer'),
      lateStart(w).as('w_late_start'),
    ]);
  const { rows, nextCursor } = keysetPage(db, query, controlOrder(sort.key, sort.dir), page);
  return {
    rows: rows as unknown as AssessedControlRow[],
    nextCursor,
    total: countOf(db, controlsWhere(db, f, w)),
  };
}

/** Every control a filter selects ("select all matching"), by reference: ids only. */
export function controlIdsMatching(db: VaultDb, f: ControlListFilter, w: WarningContext): string[] {
  let q = controlsWhere(db, f, w).select('c.id as id');
  for (const t of controlRef('asc')) q = q.orderBy(t.expr, t.dir);
  return all(db, q).map((r) => r.id);
}

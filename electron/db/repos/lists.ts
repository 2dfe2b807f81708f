/**
 * Tasks, risks and people as lists (DESIGN §2): filtered, ordered and paged in SQL, counted by
 * SQL. Each order ends in a unique term, so keyset paging never repeats or skips a row.
 */
import { sql } from 'kysely';
import type { PeopleSortKey } from '../../../shared/api/people';
import type { RISK_SORT_KEYS, RiskCell } from '../../../shared/api/risks';
import type { TASK_SORT_KEYS } from '../../../shared/api/tasks';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../../shared/api/tasks';
import type { VaultDb } from '../connection';
import type { PersonTable, RiskTable, TaskTable } from '../schema';
import { type OrderTerm, countOf, emptyLast, keysetPage, term } from './keyset';
import { containsText } from './search';

type Dir = 'asc' | 'desc';
export interface ListSort<K extends string> {
  key: K;
  dir: Dir;
}
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}
export interface Page<R> {
  rows: R[];
  nextCursor: string | null;
  total: number;
}

/** A workflow order as a number: a CASE over the values in their order. */
export function rank(column: string, values: readonly string[]) {
  return sql`(CASE ${sql.ref(column)} ${sql.join(
    values.map((v, i) => sql`WHEN ${v} THEN ${i}`),
    sql` `,
  )} END)`;
}

// --- tasks ------------------------------------------------------------------------------------

export interface TaskListFilter {
  status?: string | undefined;
  ownerId?: string | undefined;
  unowned?: boolean | undefined;
  overdueOnly?: boolean | undefined;
  controlId?: string | undefined;
  search?: string | undefined;
  includeArchived: boolean;
}

/** T-2 before T-10: references are "T-" and a number, so length then text is numeric order. */
const taskRef = (dir: Dir): OrderTerm[] => [
  { expr: sql`length(t.ref)`, dir },
  term('t.ref', dir),
  term('t.id', dir),
];

function taskOrder(sort: ListSort<(typeof TASK_SORT_KEYS)[number]>): OrderTerm[] {
  const { dir } = sort;
  switch (sort.key) {
    case 'ref':
      return taskRef(dir);
    case 'title':
      return [{ expr: sql`(t.title COLLATE NOCASE)`, dir }, ...taskRef('asc')];
    case 'status':
      return [{ expr: rank('t.status', TASK_STATUSES), dir }, term('t.board_order'), term('t.id')];
    case 'priority':
      return [{ expr: rank('t.priority', TASK_PRIORITIES), dir }, ...taskRef('asc')];
    case 'dueOn':
      return [...emptyLast(sql`t.due_on`, dir), ...taskRef('asc')];
    case 'owner':
      return [...emptyLast(sql`(p.name COLLATE NOCASE)`, dir), ...taskRef('asc')];
    default: {
      const unknown: never = sort.key;
      throw new Error(`No order for task sort ${String(unknown)}`);
    }
  }
}

function tasksWhere(db: VaultDb, f: TaskListFilter, today: string) {
  let q = db.qb.selectFrom('task as t').leftJoin('person as p', 'p.id', 't.owner_id');
  if (!f.includeArchived) q = q.where('t.archived_at', 'is', null);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.ownerId) q = q.where('t.owner_id', '=', f.ownerId);
  if (f.unowned) q = q.where('t.owner_id', 'is', null);
  if (f.overdueOnly) {
    q = q
      .where('t.status', '<>', 'done')
      .where('t.due_on', 'is not', null)
      .where('t.due_on', '<', today);
  }
  if (f.controlId) {
    const controlId = f.controlId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_control as l')
          .select('l.task_id')
          .whereRef('l.task_id', '=', 't.id')
          .where('l.control_id', '=', controlId),
      ),
    );
  }
  if (f.search) q = q.where(containsText(['t.ref', 't.title', 't.description'], f.search));
  return q;
}

export function listTaskPage(
  db: VaultDb,
  f: TaskListFilter,
  sort: ListSort<(typeof TASK_SORT_KEYS)[number]>,
  page: PageRequest,
  today: string,
): Page<TaskTable> {
  const { rows, nextCursor } = keysetPage(
    db,
    tasksWhere(db, f, today).selectAll('t'),
    taskOrder(sort),
    page,
  );
  return { rows: rows as TaskTable[], nextCursor, total: countOf(db, tasksWhere(db, f, today)) };
}

// --- risks ------------------------------------------------------------------------------------

export interface RiskListFilter {
  search?: string | undefined;
  cell?: RiskCell | undefined;
  includeArchived: boolean;
}

function riskOrder(sort: ListSort<(typeof RISK_SORT_KEYS)[number]>): OrderTerm[] {
  const { dir } = sort;
  const added = [term('r.created_at'), term('r.id')];
  switch (sort.key) {
    case 'created':
      return [term('r.created_at', dir), term('r.id', dir)];
    case 'title':
      return [{ expr: sql`(r.title COLLATE NOCASE)`, dir }, ...added];
    case 'inherent':
      return [{ expr: sql`(r.likelihood * r.impact)`, dir }, ...added];
    case 'residual':
      return [{ expr: sql`(r.residual_likelihood * r.residual_impact)`, dir }, ...added];
    case 'reviewOn':
      return [...emptyLast(sql`r.review_on`, dir), ...added];
    default: {
      const unknown: never = sort.key;
      throw new Error(`No order for risk sort ${String(unknown)}`);
    }
  }
}

function risksWhere(db: VaultDb, f: RiskListFilter) {
  let q = db.qb.selectFrom('risk as r');
  if (!f.includeArchived) q = q.where('r.archived_at', 'is', null);
  if (f.search) q = q.where(containsText(['r.title', 'r.description'], f.search));
  if (f.cell?.kind === 'inherent') {
    q = q.where('r.likelihood', '=', f.cell.likelihood).where('r.impact', '=', f.cell.impact);
  } else if (f.cell) {
    q = q
      .where('r.residual_likelihood', '=', f.cell.likelihood)
      .where('r.residual_impact', '=', f.cell.impact);
  }
  return q;
}

export function listRiskPage(
  db: VaultDb,
  f: RiskListFilter,
  sort: ListSort<(typeof RISK_SORT_KEYS)[number]>,
  page: PageRequest,
): Page<RiskTable> {
  const { rows, nextCursor } = keysetPage(
    db,
    risksWhere(db, f).selectAll('r'),
    riskOrder(sort),
    page,
  );
  return { rows: rows as RiskTable[], nextCursor, total: countOf(db, risksWhere(db, f)) };
}

// --- people -----------------------------------------------------------------------------------

export interface PeopleListFilter {
  search?: string | undefined;
  includeArchived: boolean;
}

function peopleWhere(db: VaultDb, f: PeopleListFilter) {
  let q = db.qb.selectFrom('person as p');
  if (!f.includeArchived) q = q.where('p.archived_at', 'is', null);
  if (f.search) q = q.where(containsText(['p.name', 'p.email', 'p.role', 'p.team'], f.search));
  return q;
}

/**
 * The directory's orders: by name as stored (the order the `person_list` index keeps, so the
 * default read never sorts), the other columns without regard to case and with empty ones last,
 * each then by name and id so paging never repeats a row.
 */
function peopleOrder(sort: ListSort<PeopleSortKey>): OrderTerm[] {
  const { dir } = sort;
  const byName = (d: Dir) => [term('p.name', d), term('p.id', d)];
  switch (sort.key) {
    case 'name':
      return byName(dir);
    case 'email':
    case 'role':
    case 'team':
      return [
        ...emptyLast(sql`(${sql.ref(`p.${sort.key}`)} COLLATE NOCASE)`, dir, { blank: true }),
        ...byName('asc'),
      ];
    default: {
      const unknown: never = sort.key;
      throw new Error(`No order for people sort ${String(unknown)}`);
    }
  }
}

export function listPeoplePage(
  db: VaultDb,
  f: PeopleListFilter,
  page: PageRequest,
  sort: ListSort<PeopleSortKey> = { key: 'name', dir: 'asc' },
): Page<PersonTable> {
  const { rows, nextCursor } = keysetPage(
    db,
    peopleWhere(db, f).selectAll('p'),
    peopleOrder(sort),
    page,
  );
  return { rows: rows as PersonTable[], nextCursor, total: countOf(db, peopleWhere(db, f)) };
}

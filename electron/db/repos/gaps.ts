import type { AssessmentTable, RiskTable, TaskTable } from '../schema';
import { type VaultDb, all, first, prepare, run, runExpect } from '../connection';
import { countOf } from './keyset';

export function listAssessmentRows(db: VaultDb): AssessmentTable[] {
  return all(db, db.qb.selectFrom('assessment').selectAll());
}

export function getAssessmentRow(db: VaultDb, controlId: string): AssessmentTable | undefined {
  return first(db, db.qb.selectFrom('assessment').selectAll().where('control_id', '=', controlId));
}

/** Inserts or replaces; returns whether it existed (create vs update in the log). */
export function putAssessment(db: VaultDb, row: AssessmentTable): 'create' | 'update' {
  const existed = getAssessmentRow(db, row.control_id) !== undefined;
  const { control_id: _id, ...rest } = row;
  run(
    db,
    db.qb
      .insertInto('assessment')
      .values(row)
      .onConflict((oc) => oc.column('control_id').doUpdateSet(rest)),
  );
  return existed ? 'update' : 'create';
}

export function listRiskRows(db: VaultDb, includeArchived = false): RiskTable[] {
  let q = db.qb.selectFrom('risk').selectAll().orderBy('created_at').orderBy('id');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q);
}

export function getRiskRow(db: VaultDb, id: string): RiskTable | undefined {
  return first(db, db.qb.selectFrom('risk').selectAll().where('id', '=', id));
}

export function insertRisk(db: VaultDb, row: RiskTable): void {
  runExpect(db, db.qb.insertInto('risk').values(row));
}

export function updateRiskRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<RiskTable, 'id'>>,
): void {
  runExpect(db, db.qb.updateTable('risk').set(patch).where('id', '=', id));
}

export function listTaskRows(db: VaultDb, includeArchived = false): TaskTable[] {
  let q = db.qb.selectFrom('task').selectAll().orderBy('board_order').orderBy('ref');
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return all(db, q);
}

/**
 * How many active tasks are open, open past their due date as of `today`, and done: counted in
 * SQL, since the large demo's 10 000 tasks took a quarter of a second to read in full for it.
 */
export function taskCounts(
  db: VaultDb,
  today: string,
): { open: number; overdue: number; done: number } {
  const row = first(
    db,
    db.qb
      .selectFrom('task')
      .where('archived_at', 'is', null)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('status', '!=', 'done'), eb('due_on', '<', today)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('overdue'),
      ]),
  );
  const total = Number(row?.total ?? 0);
  const done = Number(row?.done ?? 0);
  return { open: total - done, overdue: Number(row?.overdue ?? 0), done };
}

/** The highest board position in a column (active tasks), or undefined for an empty column. */
export function maxBoardOrder(db: VaultDb, status: string): number | undefined {
  const row = first(
    db,
    db.qb
      .selectFrom('task')
      .select((eb) => eb.fn.max('board_order').as('top'))
      .where('status', '=', status)
      .where('archived_at', 'is', null),
  );
  return row?.top ?? undefined;
}

/** One board column in its order (active tasks): ids and positions only. */
export function boardColumn(db: VaultDb, status: string): { id: string; board_order: number }[] {
  return all(
    db,
    db.qb
      .selectFrom('task')
      .select(['id', 'board_order'])
      .where('status', '=', status)
      .where('archived_at', 'is', null)
      .orderBy('board_order')
      .orderBy('ref'),
  );
}

export function getTaskRow(db: VaultDb, id: string): TaskTable | undefined {
  return first(db, db.qb.selectFrom('task').selectAll().where('id', '=', id));
}

export function insertTask(db: VaultDb, row: TaskTable): void {
  runExpect(db, db.qb.insertInto('task').values(row));
}

export function updateTaskRow(
  db: VaultDb,
  id: string,
  patch: Partial<Omit<TaskTable, 'id'>>,
): void {
  runExpect(db, db.qb.updateTable('task').set(patch).where('id', '=', id));
}

/** Tasks are archived, never deleted, so the count of every task ever made numbers the next. */
export function nextTaskNumber(db: VaultDb): number {
  return countOf(db, db.qb.selectFrom('task')) + 1;
}

export function listDismissedControls(db: VaultDb): Set<string> {
  return new Set(
    all(db, db.qb.selectFrom('task_dismissal').select('control_id')).map((r) => r.control_id),
  );
}

export function insertDismissal(db: VaultDb, controlId: string, at: string): void {
  runExpect(
    db,
    db.qb.insertInto('task_dismissal').values({ control_id: controlId, dismissed_at: at }),
  );
}

/**
 * The active tasks of each control (by the task ↔ control links), in board order, with whether
 * each is done: what coverage and readiness need of tasks, without reading whole task rows (the
 * large demo has 10 000).
 */
/** How many open (not done, not archived) tasks each control has; controls with none are absent. */
export function openTaskCountsByControl(db: VaultDb): Map<string, number> {
  const rows = prepare(
    db,
    `SELECT tc.control_id AS controlId, count(*) AS open
       FROM task t JOIN task_control tc ON tc.task_id = t.id
      WHERE t.archived_at IS NULL AND t.status <> 'done'
      GROUP BY tc.control_id`,
  ).all() as { controlId: string; open: number }[];
  return new Map(rows.map((r) => [r.controlId, r.open]));
}

export function taskIdsByControl(db: VaultDb): Map<string, { id: string; done: boolean }[]> {
  const rows = prepare(
    db,
    `SELECT tc.control_id AS controlId, t.id, t.status
       FROM task t JOIN task_control tc ON tc.task_id = t.id
      WHERE t.archived_at IS NULL
      ORDER BY t.board_order, t.ref`,
  ).all() as { controlId: string; id: string; status: string }[];
  const out = new Map<string, { id: string; done: boolean }[]>();
  for (const r of rows) {
    const list = out.get(r.controlId);
    const task = { id: r.id, done: r.status === 'done' };
    if (list) list.push(task);
    else out.set(r.controlId, [task]);
  }
  return out;
}

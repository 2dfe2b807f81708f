import type { Task } from '../../../shared/api/tasks';
import { TASK_STATUSES } from '../../../shared/api/tasks';

export type TaskStatus = Task['status'];

/** A column's tasks in board order (ties by reference, as Attest orders them). Pure. */
export function columnOf(tasks: readonly Task[], status: TaskStatus): Task[] {
  return tasks
    .filter((t) => t.status === status)
    .sort(
      (a, b) =>
        a.boardOrder - b.boardOrder || a.ref.localeCompare(b.ref, undefined, { numeric: true }),
    );
}

export function boardColumns(tasks: readonly Task[]): Record<TaskStatus, Task[]> {
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, columnOf(tasks, s)])) as Record<
    TaskStatus,
    Task[]
  >;
}

export interface Move {
  id: string;
  status: TaskStatus;
  /** The task it goes before, or null for the end of the column. */
  beforeId: string | null;
}

/**
 * Where a task dropped at position `index` of a column goes: before the task now at that index
 * (ignoring the moving task itself), or at the end. Pure.
 */
export function moveToIndex(
  tasks: readonly Task[],
  id: string,
  status: TaskStatus,
  index: number,
): Move {
  const others = columnOf(tasks, status).filter((t) => t.id !== id);
  return { id, status, beforeId: others[index]?.id ?? null };
}

/** Alt+←/→: the end of the previous or next column; null at the board's edge. */
export function moveAcross(tasks: readonly Task[], id: string, direction: 1 | -1): Move | null {
  const task = tasks.find((t) => t.id === id);
  if (!task) return null;
  const next = TASK_STATUSES[TASK_STATUSES.indexOf(task.status) + direction];
  return next ? { id, status: next, beforeId: null } : null;
}

/** Alt+↑/↓: one place up or down within the column; null at its top or bottom. */
export function moveWithin(tasks: readonly Task[], id: string, direction: 1 | -1): Move | null {
  const task = tasks.find((t) => t.id === id);
  if (!task) return null;
  const column = columnOf(tasks, task.status);
  const index = column.findIndex((t) => t.id === id);
  const target = index + direction;
  if (target < 0 || target >= column.length) return null;
  return moveToIndex(tasks, id, task.status, target);
}

/**
 * The board after a move, as Attest will store it (between its new neighbours' orders), so the
 * card lands at once and the answer only confirms it. Pure.
 */
export function applyMove(tasks: readonly Task[], move: Move): Task[] {
  const column = columnOf(tasks, move.status).filter((t) => t.id !== move.id);
  let order: number;
  if (move.beforeId === null) {
    order = (column.at(-1)?.boardOrder ?? 0) + 1;
  } else {
    const index = column.findIndex((t) => t.id === move.beforeId);
    if (index < 0) return [...tasks];
    const before = column[index]!.boardOrder;
    const previous = index > 0 ? column[index - 1]!.boardOrder : before - 1;
    order = (previous + before) / 2;
  }
  return tasks.map((t) =>
    t.id === move.id ? { ...t, status: move.status, boardOrder: order } : t,
  );
}

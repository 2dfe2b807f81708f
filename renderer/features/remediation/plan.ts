import type { Task } from '../../../shared/api/tasks';

export interface PlanCounts {
  total: number;
  done: number;
  open: number;
  overdue: number;
}

/** Done, open (anything not done) and overdue tasks of the plan. Pure. */
export function planCounts(tasks: readonly Task[]): PlanCounts {
  const done = tasks.filter((t) => t.status === 'done').length;
  return {
    total: tasks.length,
    done,
    open: tasks.length - done,
    overdue: tasks.filter((t) => t.overdue).length,
  };
}

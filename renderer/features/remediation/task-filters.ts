import { create } from 'zustand';
import { type SortDir, nextSort } from '../../components/SortableTh';
import { matchesOwner } from '../../components/owner-filter';
import type { Task } from '../../../shared/api/tasks';

export interface TaskFilters {
  status: Task['status'] | null;
  /** A person id, NO_OWNER for tasks without an owner, or null for anyone. */
  owner: string | null;
  overdueOnly: boolean;
}

export type TaskSortKey = 'ref' | 'due' | 'priority' | 'status';
export interface TaskSort {
  key: TaskSortKey;
  dir: SortDir;
}

interface TaskTableState {
  filters: TaskFilters;
  sort: TaskSort;
  view: 'board' | 'table';
  /** The table lists archived tasks too (to restore them). */
  showArchived: boolean;
  setFilter<K extends keyof TaskFilters>(key: K, value: TaskFilters[K]): void;
  setShowArchived(show: boolean): void;
  setSort(key: TaskSortKey): void;
  setView(view: 'board' | 'table'): void;
}

/** The plan's filters, sort and chosen view stay put while the user works elsewhere. */
export const useTaskTable = create<TaskTableState>()((set) => ({
  filters: { status: null, owner: null, overdueOnly: false },
  sort: { key: 'due', dir: 'asc' },
  view: 'board',
  showArchived: false,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  setShowArchived: (showArchived) => set({ showArchived }),
  setSort: (key) => set((s) => ({ sort: nextSort(s.sort, key) })),
  setView: (view) => set({ view }),
}));

const PRIORITY_RANK = { high: 0, medium: 1, low: 2 };
const STATUS_RANK = { todo: 0, in_progress: 1, blocked: 2, done: 3 };

/** The table's rows: filtered, then sorted (no due date last; ties by reference). Pure. */
export function filterTasks(tasks: readonly Task[], filters: TaskFilters, sort: TaskSort): Task[] {
  const rows = tasks.filter(
    (t) =>
      (!filters.status || t.status === filters.status) &&
      matchesOwner(filters.owner, t.ownerId) &&
      (!filters.overdueOnly || t.overdue),
  );
  const value = (t: Task): string | number => {
    if (sort.key === 'due') return t.dueOn ?? '9999-12-31';
    if (sort.key === 'priority') return PRIORITY_RANK[t.priority];
    if (sort.key === 'status') return STATUS_RANK[t.status];
    return 0;
  };
  const byRef = (a: Task, b: Task) => a.ref.localeCompare(b.ref, undefined, { numeric: true });
  const direction = sort.dir === 'desc' ? -1 : 1;
  return rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const order = va < vb ? -1 : va > vb ? 1 : sort.key === 'ref' ? byRef(a, b) : 0;
    return order * direction || byRef(a, b);
  });
}

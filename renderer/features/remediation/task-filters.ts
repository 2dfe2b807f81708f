import { create } from 'zustand';
import type { Input } from '../../../shared/api/index';
import type { TASK_SORT_KEYS, Task } from '../../../shared/api/tasks';
import { type SortDir, nextSort } from '../../components/table/sort';
import { NO_OWNER } from '../../components/owner-filter';
import { useVault } from '../vault/store';

export interface TaskFilters {
  status: Task['status'] | null;
  /** A person id, NO_OWNER for tasks without an owner, or null for anyone. */
  owner: string | null;
  overdueOnly: boolean;
}

/** What `tasks.list` sorts by: the server sorts and pages. */
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
export interface TaskSort {
  key: TaskSortKey;
  dir: SortDir;
}

const NO_FILTERS: TaskFilters = { status: null, owner: null, overdueOnly: false };
/** Soonest due first (undated last), as a plan is worked through. */
const DEFAULT_SORT: TaskSort = { key: 'dueOn', dir: 'asc' };

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
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  view: 'board',
  showArchived: false,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  setShowArchived: (showArchived) => set({ showArchived }),
  setSort: (key) => set((s) => ({ sort: nextSort(s.sort, key) })),
  setView: (view) => set({ view }),
}));

/** Another vault's plan starts unfiltered (an owner of this one means nothing there). */
useVault.subscribe((state, previous) => {
  if (state.app?.openVault === previous.app?.openVault) return;
  useTaskTable.setState({ filters: NO_FILTERS, sort: DEFAULT_SORT, showArchived: false });
});

type ListInput = Omit<Input<'tasks.list'>, 'limit' | 'cursor'>;

/**
 * The table's filters and order as `tasks.list` takes them: unset filters are left out, "No
 * owner" is the server's `unowned`, archived tasks only when asked for.
 */
export function taskListInput(filters: TaskFilters, sort: TaskSort, showArchived: boolean) {
  const q: ListInput = { sort, includeArchived: showArchived };
  if (filters.status) q.status = filters.status;
  if (filters.owner === NO_OWNER) q.unowned = true;
  else if (filters.owner) q.ownerId = filters.owner;
  if (filters.overdueOnly) q.overdueOnly = true;
  return q;
}

import type { SortDir, SortState } from './DataTable';

/** Next sort after clicking a column: the same column flips, another starts ascending. */
export function nextSort<K extends string>(sort: SortState<K>, column: K): SortState<K> {
  return sort.key === column
    ? { key: column, dir: sort.dir === 'asc' ? 'desc' : 'asc' }
    : { key: column, dir: 'asc' };
}

export type { SortDir, SortState };

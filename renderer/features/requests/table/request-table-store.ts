import { create } from 'zustand';
import { nextSort } from '../../../components/table/sort';
import { useVault } from '../../vault/store';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  type RequestFilters,
  type RequestSort,
  type RequestSortKey,
} from './table-query';

/**
 * How the consultant left the request list: its filters and its order (UI state only; the rows
 * are read through the query cache, `useRequestPages`).
 */
interface RequestTableState {
  /** Kept for the session (per vault), so the list is as the consultant left it. */
  filters: RequestFilters;
  sort: RequestSort;
  setFilter<K extends keyof RequestFilters>(key: K, value: RequestFilters[K]): void;
  clearFilters(): void;
  /** The server sorts: a new order is read afresh from its first page. */
  setSort(column: RequestSortKey): void;
}

export const useRequestTable = create<RequestTableState>()((set) => ({
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setSort: (column) => set((s) => ({ sort: nextSort(s.sort, column) })),
}));

/** Another vault's list starts unfiltered, in the auditor's order. */
useVault.subscribe((state, previous) => {
  if (state.app?.openVault === previous.app?.openVault) return;
  useRequestTable.setState({ filters: NO_FILTERS, sort: DEFAULT_SORT });
});

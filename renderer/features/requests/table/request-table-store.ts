import { create } from 'zustand';
import type { AuditRequest } from '../../../../shared/api/requests';
import { nextSort } from '../../../components/SortableTh';
import { api } from '../../../api';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  type RequestFilters,
  type RequestSort,
  type RequestSortKey,
  filtersToQuery,
} from './table-query';

/** One page of `requests.list`; the largest the contract allows would stall the first paint. */
export const PAGE_SIZE = 200;

interface RequestTableState {
  /** Kept for the session (per vault), so the list is as the consultant left it. */
  filters: RequestFilters;
  sort: RequestSort;
  items: AuditRequest[];
  /** How many requests match the filters, loaded or not. */
  total: number;
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'ready';
  loadingMore: boolean;
  setFilter<K extends keyof RequestFilters>(key: K, value: RequestFilters[K]): void;
  clearFilters(): void;
  /** The server sorts: a new order is read afresh from its first page (by `reload`). */
  setSort(column: RequestSortKey): void;
  /** The first page for the current filters and order. */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** A request changed in the drawer: its row shows the change (and stays, even if it no longer matches, until the list is re-read). */
  put(request: AuditRequest): void;
  reset(): void;
}

/** A page that was asked for before the filters changed must not land in the new list. */
let generation = 0;

export const useRequestTable = create<RequestTableState>()((set, get) => ({
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  items: [],
  total: 0,
  nextCursor: null,
  status: 'idle',
  loadingMore: false,

  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setSort: (column) => set((s) => ({ sort: nextSort(s.sort, column) })),

  async reload() {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    try {
      const page = await api.call('requests.list', {
        ...filtersToQuery(get().filters, get().sort),
        limit: PAGE_SIZE,
      });
      if (mine !== generation) return;
      set({
        items: page.items,
        total: page.total,
        nextCursor: page.nextCursor,
        status: 'ready',
        loadingMore: false,
      });
    } catch (e) {
      if (mine === generation && get().status === 'loading') set({ status: 'idle' });
      throw e;
    }
  },

  async loadMore() {
    const { nextCursor, loadingMore, filters, sort } = get();
    if (!nextCursor || loadingMore) return;
    const mine = generation;
    set({ loadingMore: true });
    try {
      const page = await api.call('requests.list', {
        ...filtersToQuery(filters, sort),
        limit: PAGE_SIZE,
        cursor: nextCursor,
      });
      if (mine !== generation) return;
      set((s) => ({
        items: [...s.items, ...page.items],
        total: page.total,
        nextCursor: page.nextCursor,
      }));
    } finally {
      if (mine === generation) set({ loadingMore: false });
    }
  },

  put(request) {
    set((s) => ({ items: s.items.map((r) => (r.id === request.id ? request : r)) }));
  },

  reset() {
    generation++;
    set({
      filters: NO_FILTERS,
      sort: DEFAULT_SORT,
      items: [],
      total: 0,
      nextCursor: null,
      status: 'idle',
      loadingMore: false,
    });
  },
}));

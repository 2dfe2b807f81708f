import { create } from 'zustand';
import type { ControlSortKey } from '../../../../shared/api/controls';
import type { Domain } from '../../../../shared/domain/catalog';
import type { Category } from '../../../../shared/domain/engagement';
import type { SortDir } from '../../../components/table/DataTable';
import { useVault } from '../../vault/store';

export type { ControlSortKey };
export type ScopeTab = 'matrix' | 'controls' | 'narrative';

export interface MatrixFilters {
  category: Category | null;
  group: string | null;
  search: string;
  unmappedOnly: boolean;
}

export interface ControlFilters {
  search: string;
  domain: Domain | null;
  showArchived: boolean;
  sort: { key: ControlSortKey; dir: SortDir };
}

export const NO_MATRIX_FILTERS: MatrixFilters = {
  category: null,
  group: null,
  search: '',
  unmappedOnly: false,
};
export const NO_CONTROL_FILTERS: ControlFilters = {
  search: '',
  domain: null,
  showArchived: false,
  sort: { key: 'ref', dir: 'asc' },
};

/** The Scope screen's tab and filters: they stay put while the user goes elsewhere and back. */
export const useScopeView = create<{
  tab: ScopeTab;
  matrix: MatrixFilters;
  controls: ControlFilters;
  setTab(tab: ScopeTab): void;
  setMatrix(change: Partial<MatrixFilters>): void;
  setControls(change: Partial<ControlFilters>): void;
}>()((set) => ({
  tab: 'matrix',
  matrix: NO_MATRIX_FILTERS,
  controls: NO_CONTROL_FILTERS,
  setTab: (tab) => set({ tab }),
  setMatrix: (change) => set((s) => ({ matrix: { ...s.matrix, ...change } })),
  setControls: (change) => set((s) => ({ controls: { ...s.controls, ...change } })),
}));

/**
 * Another vault's scope starts unfiltered: a search or a category chosen in one vault would
 * otherwise hide rows of the next, with nothing on its screen saying why (the tab stays: it is
 * where the user works, not a filter).
 */
useVault.subscribe((state, previous) => {
  if (state.app?.openVault === previous.app?.openVault) return;
  useScopeView.setState({ matrix: NO_MATRIX_FILTERS, controls: NO_CONTROL_FILTERS });
});

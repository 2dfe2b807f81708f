import { create } from 'zustand';
import type { ControlSortKey } from '../../../../shared/api/controls';
import type { Domain } from '../../../../shared/domain/catalog';
import type { Category } from '../../../../shared/domain/engagement';
import type { SortDir } from '../../../components/table/DataTable';

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
  matrix: { category: null, group: null, search: '', unmappedOnly: false },
  controls: { search: '', domain: null, showArchived: false, sort: { key: 'ref', dir: 'asc' } },
  setTab: (tab) => set({ tab }),
  setMatrix: (change) => set((s) => ({ matrix: { ...s.matrix, ...change } })),
  setControls: (change) => set((s) => ({ controls: { ...s.controls, ...change } })),
}));

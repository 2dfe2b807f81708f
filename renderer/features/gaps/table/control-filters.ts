import { create } from 'zustand';
import { type SortDir, nextSort } from '../../../components/SortableTh';
import { matchesOwner } from '../../../components/owner-filter';
import type { Control } from '../../../../shared/api/controls';
import type { Assessment } from '../../../../shared/api/gaps';
import type { Domain } from '../../../../shared/domain/catalog';
import type { GapSummary } from '../gaps-store';
import type { AssessmentState } from '../labels';

export interface ControlFilters {
  search: string;
  status: AssessmentState | null;
  domain: Domain | null;
  /** A person id, NO_OWNER for controls without an owner, or null for anyone. */
  owner: string | null;
  warningsOnly: boolean;
}

export type SortKey = 'ref' | 'title' | 'status' | 'owner';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const NO_FILTERS: ControlFilters = {
  search: '',
  status: null,
  domain: null,
  owner: null,
  warningsOnly: false,
};

interface TableState {
  filters: ControlFilters;
  sort: Sort;
  setFilter<K extends keyof ControlFilters>(key: K, value: ControlFilters[K]): void;
  clearFilters(): void;
  setSort(key: SortKey): void;
}

/** Filters and sort stay put while the user moves between screens and comes back. */
export const useControlTable = create<TableState>()((set) => ({
  filters: NO_FILTERS,
  sort: { key: 'ref', dir: 'asc' },
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setSort: (key) => set((s) => ({ sort: nextSort(s.sort, key) })),
}));

export function stateOf(
  assessments: Record<string, Assessment>,
  controlId: string,
): AssessmentState {
  return assessments[controlId]?.status ?? 'not_assessed';
}

export interface ControlWarning {
  text: string;
  /** Missing (red) needs fixing; partial (yellow) needs explaining to the auditor. */
  tone: 'missing' | 'partial';
}

/** What a reviewer would flag on a control before the auditor does. */
export function controlWarnings(control: Control, summary: GapSummary | null): ControlWarning[] {
  const out: ControlWarning[] = [];
  if (!control.ownerId) out.push({ text: 'No owner', tone: 'missing' });
  if (summary?.sameOwnerWarnings.includes(control.id))
    out.push({ text: 'Performer and reviewer are the same person', tone: 'missing' });
  if (summary?.lateStartWarnings.includes(control.id))
    out.push({ text: 'Operating since after the period start', tone: 'partial' });
  return out;
}

const STATUS_RANK: Record<AssessmentState, number> = {
  not_assessed: 0,
  not_implemented: 1,
  partial: 2,
  implemented: 3,
  not_applicable: 4,
};

export interface TableContext {
  assessments: Record<string, Assessment>;
  summary: GapSummary | null;
  ownerName(id: string | null): string | null;
}

/** The rows the table shows: filtered, then sorted (ties by reference). Pure. */
export function filterAndSort(
  controls: readonly Control[],
  filters: ControlFilters,
  sort: Sort,
  ctx: TableContext,
): Control[] {
  const needle = filters.search.trim().toLowerCase();
  const rows = controls.filter(
    (c) =>
      (!needle || c.ref.toLowerCase().includes(needle) || c.title.toLowerCase().includes(needle)) &&
      (!filters.status || stateOf(ctx.assessments, c.id) === filters.status) &&
      (!filters.domain || c.domain === filters.domain) &&
      matchesOwner(filters.owner, c.ownerId) &&
      (!filters.warningsOnly || controlWarnings(c, ctx.summary).length > 0),
  );
  const value = (c: Control): string | number => {
    switch (sort.key) {
      case 'title':
        return c.title.toLowerCase();
      case 'status':
        return STATUS_RANK[stateOf(ctx.assessments, c.id)];
      case 'owner':
        return (ctx.ownerName(c.ownerId) ?? '\uffff').toLowerCase();
      default:
        // By reference: the numeric tie-break below ("AC-2" before "AC-10").
        return 0;
    }
  };
  const direction = sort.dir === 'desc' ? -1 : 1;
  return rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const order = va < vb ? -1 : va > vb ? 1 : 0;
    return order * direction || a.ref.localeCompare(b.ref, undefined, { numeric: true });
  });
}

export function activeFilterCount(filters: ControlFilters): number {
  return (
    (filters.search.trim() ? 1 : 0) +
    (filters.status ? 1 : 0) +
    (filters.domain ? 1 : 0) +
    (filters.owner ? 1 : 0) +
    (filters.warningsOnly ? 1 : 0)
  );
}

import { create } from 'zustand';
import type { Control } from '../../../../shared/api/controls';
import type {
  AssessedControlFilter,
  AssessedSortKey,
  Assessment,
  ControlWarning as WarningCode,
} from '../../../../shared/api/gaps';
import type { Input } from '../../../../shared/api/index';
import type { Domain } from '../../../../shared/domain/catalog';
import { type SortDir, nextSort } from '../../../components/table/sort';
import { NO_OWNER } from '../../../components/owner-filter';
import { useVault } from '../../vault/store';
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

/** What `assessments.controls` sorts by: the server sorts and pages. */
export type SortKey = AssessedSortKey;
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
const BY_REF: Sort = { key: 'ref', dir: 'asc' };

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
  sort: BY_REF,
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setSort: (key) => set((s) => ({ sort: nextSort(s.sort, key) })),
}));

/** Another vault's table starts unfiltered (an owner of this one means nothing there). */
useVault.subscribe((state, previous) => {
  if (state.app?.openVault === previous.app?.openVault) return;
  useControlTable.setState({ filters: NO_FILTERS, sort: BY_REF });
});

/**
 * The filters as the server takes them — the table's `assessments.controls` and "Set status" on
 * every matching control (`assessments.setMany { matching }`) send the very same filter, so a
 * bulk change reaches exactly the controls the table lists. Unset filters are left out; "No
 * owner" is the server's `unowned`.
 */
export function serverFilter(filters: ControlFilters): AssessedControlFilter {
  const f: AssessedControlFilter = {};
  const search = filters.search.trim();
  if (search) f.search = search;
  if (filters.status) f.status = filters.status;
  if (filters.domain) f.domain = filters.domain;
  if (filters.owner === NO_OWNER) f.unowned = true;
  else if (filters.owner) f.ownerId = filters.owner;
  if (filters.warningsOnly) f.warningsOnly = true;
  return f;
}

/** One page of the table: the large demo's controls fill two. */
export const CONTROL_PAGE_SIZE = 200;

export function tableInput(filters: ControlFilters, sort: Sort): Input<'assessments.controls'> {
  return { ...serverFilter(filters), sort, limit: CONTROL_PAGE_SIZE };
}

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

/** What each warning the server marks says. */
export const WARNING: Record<WarningCode, ControlWarning> = {
  no_owner: { text: 'No owner', tone: 'missing' },
  same_performer_reviewer: { text: 'Performer and reviewer are the same person', tone: 'missing' },
  late_start: { text: 'Operating since after the period start', tone: 'partial' },
};

/** What a reviewer would flag on a control before the auditor does (the focused view's list). */
export function controlWarnings(control: Control, summary: GapSummary | null): ControlWarning[] {
  const codes: WarningCode[] = [];
  if (!control.ownerId) codes.push('no_owner');
  if (summary?.sameOwnerWarnings.includes(control.id)) codes.push('same_performer_reviewer');
  if (summary?.lateStartWarnings.includes(control.id)) codes.push('late_start');
  return codes.map((c) => WARNING[c]);
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

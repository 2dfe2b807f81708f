import type { Control, VaultCriterion } from '../../../../shared/api/controls';
import type { Subservice } from '../../../../shared/api/sd';
import type { Tone } from '../../../components/status';
import type { MatrixFilters } from './view-store';

export type MappingStatus = 'mapped' | 'not_mapped' | 'not_relevant';

export interface MatrixRow {
  criterion: VaultCriterion;
  controls: Control[];
  status: MappingStatus;
  carvedOutTo: string[];
}

export interface MatrixGroup {
  groupId: string;
  groupTitle: string;
  rows: MatrixRow[];
}

/** Mapped when an active control serves it; not relevant (DC 8) wins over both. */
export function mappingStatus(c: VaultCriterion): MappingStatus {
  if (c.notRelevantReason !== null) return 'not_relevant';
  return c.controlIds.length > 0 ? 'mapped' : 'not_mapped';
}

/**
 * The criteria × controls matrix: in-scope criteria grouped (CC1…, A1…) in catalog order, each
 * with its active controls, filtered by category, group, words (criterion or control) and
 * "not mapped only".
 */
export function matrixGroups(
  criteria: readonly VaultCriterion[],
  controls: readonly Control[],
  carvedOut: ReadonlyMap<string, string[]>,
  filters: MatrixFilters,
): MatrixGroup[] {
  const byId = new Map(controls.filter((c) => !c.archived).map((c) => [c.id, c]));
  const needle = filters.search.trim().toLowerCase();
  const groups: MatrixGroup[] = [];
  for (const criterion of criteria) {
    if (filters.category && criterion.category !== filters.category) continue;
    if (filters.group && criterion.groupId !== filters.group) continue;
    const mapped = criterion.controlIds
      .map((id) => byId.get(id))
      .filter((c): c is Control => c !== undefined)
      .sort((a, b) => a.ref.localeCompare(b.ref));
    const status = mappingStatus(criterion);
    if (filters.unmappedOnly && status !== 'not_mapped') continue;
    if (needle) {
      const text = [criterion.id, criterion.title, ...mapped.flatMap((c) => [c.ref, c.title])]
        .join(' ')
        .toLowerCase();
      if (!text.includes(needle)) continue;
    }
    let group = groups.at(-1);
    if (group?.groupId !== criterion.groupId) {
      group = { groupId: criterion.groupId, groupTitle: criterion.groupTitle, rows: [] };
      groups.push(group);
    }
    group.rows.push({
      criterion,
      controls: mapped,
      status,
      carvedOutTo: carvedOut.get(criterion.id) ?? [],
    });
  }
  return groups;
}

/** How each mapping state is shown, from the one status palette. */
export const MAPPING: Record<MappingStatus, { tone: Tone; label: string }> = {
  mapped: { tone: 'partial', label: 'Mapped' },
  not_mapped: { tone: 'missing', label: 'Not mapped' },
  not_relevant: { tone: 'neutral', label: 'Not relevant' },
};

/** Criterion ids carved out to each active carve-out organisation. */
export function carvedOutMap(subservices: readonly Subservice[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const org of subservices) {
    if (org.archived || org.method !== 'carve_out') continue;
    for (const id of org.criteria) map.set(id, [...(map.get(id) ?? []), org.name]);
  }
  return map;
}

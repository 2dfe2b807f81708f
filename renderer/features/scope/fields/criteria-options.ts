import type { VaultCriterion } from '../../../../shared/api/controls';

export interface CriterionGroupData {
  group: string;
  items: { value: string; label: string }[];
}

/** Criteria as grouped options ("CC6 · Logical and physical access" → "CC6.1 — …"). */
export function criteriaOptions(
  criteria: readonly Pick<VaultCriterion, 'id' | 'title' | 'groupId' | 'groupTitle'>[],
): CriterionGroupData[] {
  const groups = new Map<string, CriterionGroupData>();
  for (const c of criteria) {
    const name = `${c.groupId} · ${c.groupTitle}`;
    let group = groups.get(name);
    if (!group) {
      group = { group: name, items: [] };
      groups.set(name, group);
    }
    group.items.push({ value: c.id, label: `${c.id} — ${c.title}` });
  }
  return [...groups.values()];
}

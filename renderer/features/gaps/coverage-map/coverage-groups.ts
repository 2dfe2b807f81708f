import type { CriterionCoverageView } from '../../../../shared/api/gaps';
import { CATEGORIES, type Category } from '../../../../shared/domain/engagement';
import { GROUP_IDS } from '../../../../shared/domain/catalog';
import type { CoverageStatus } from '../../../../shared/domain/coverage';

export interface CoverageGroup {
  groupId: string;
  criteria: CriterionCoverageView[];
}

const groupRank = (id: string) => {
  const i = (GROUP_IDS as readonly string[]).indexOf(id);
  return i < 0 ? GROUP_IDS.length : i;
};

/** "CC6.10" after "CC6.9": compare the number after the dot as a number. */
export const byCriterion = (a: string, b: string) =>
  a.localeCompare(b, undefined, { numeric: true });
const criterionOrder = byCriterion;

/** Criteria by group, groups in report order (CC1…CC9, A1, C1, PI1, P1…P8). Pure. */
export function groupCoverage(criteria: readonly CriterionCoverageView[]): CoverageGroup[] {
  const groups = new Map<string, CriterionCoverageView[]>();
  for (const c of criteria) groups.set(c.groupId, [...(groups.get(c.groupId) ?? []), c]);
  return [...groups.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b))
    .map(([groupId, items]) => ({
      groupId,
      criteria: [...items].sort((a, b) => criterionOrder(a.id, b.id)),
    }));
}

export type CoverageCounts = Record<CoverageStatus, number>;

export interface CategoryCoverage extends CoverageCounts {
  category: Category;
}

/** How many criteria of each category are met, mapped, not mapped or not relevant. Pure. */
export function coverageByCategory(criteria: readonly CriterionCoverageView[]): CategoryCoverage[] {
  return CATEGORIES.map((category) => {
    const counts: CategoryCoverage = {
      category,
      met: 0,
      mapped: 0,
      not_mapped: 0,
      not_relevant: 0,
    };
    for (const c of criteria) if (c.category === category) counts[c.status]++;
    return counts;
  }).filter((c) => c.met + c.mapped + c.not_mapped + c.not_relevant > 0);
}

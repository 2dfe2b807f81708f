import type { CoverageStatus } from '../coverage';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../engagement';

/** One trust-services category's criteria in scope, by coverage status. */
export interface CategoryBar {
  category: string;
  label: string;
  met: number;
  /** Mapped to a control that is not met yet. */
  mapped: number;
  /** No control maps to it. */
  notMapped: number;
  /** Criteria in scope: scoped-out ones (not relevant) are left out. */
  total: number;
}

/**
 * Criteria met / in scope per trust-services category, Security first in the catalog's order: the
 * Readiness page's category bars and the readiness report's "Criteria met, by category" chart
 * read the same figures. A category with no criterion in scope has no bar. "Met with exceptions"
 * is met, as the coverage rule has it.
 */
export function criteriaByCategory(
  criteria: readonly { category: string; status: CoverageStatus }[],
): CategoryBar[] {
  const bars = new Map<string, CategoryBar>();
  for (const c of criteria) {
    if (c.status === 'not_relevant') continue;
    let bar = bars.get(c.category);
    if (!bar) {
      const label = CATEGORY_LABELS[c.category as Category] ?? c.category;
      bar = { category: c.category, label, met: 0, mapped: 0, notMapped: 0, total: 0 };
      bars.set(c.category, bar);
    }
    bar.total++;
    if (c.status === 'met') bar.met++;
    else if (c.status === 'mapped') bar.mapped++;
    else bar.notMapped++;
  }
  const rank = (category: string) => {
    const i = (CATEGORIES as readonly string[]).indexOf(category);
    return i === -1 ? CATEGORIES.length : i;
  };
  // A stable sort: a category the catalog does not know keeps its place after the known ones.
  return [...bars.values()].sort((a, b) => rank(a.category) - rank(b.category));
}

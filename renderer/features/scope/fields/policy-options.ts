import type { Output } from '../../../../shared/api/index';
import type { PolicyTemplateItem } from '../../../../shared/api/methods/catalog';
import { useApiQuery } from '../../../api/queries';

const NO_POLICIES: PolicyTemplateItem[] = [];
const itemsOf = (answer: Output<'catalog.policies'>) => answer.items;

/**
 * The catalog's policy templates: the same for every vault of this build (read once, kept under
 * no vault's opening; the contract says the answer reads nothing a change could touch).
 */
export function usePolicies(): { items: PolicyTemplateItem[]; loaded: boolean } {
  const query = useApiQuery(null, 'catalog.policies', {}, { select: itemsOf });
  return { items: query.data ?? NO_POLICIES, loaded: query.isSuccess };
}

/** How a policy reads in a list: "Access Control Policy (access-control)". */
export function policyLabel(p: PolicyTemplateItem): string {
  return `${p.title} (${p.key})`;
}

/**
 * The choices of the policy field: the catalog's policies by title, plus the control's own key
 * when this build's catalog no longer offers it (so the field never shows blank).
 */
export function policyOptions(
  items: readonly PolicyTemplateItem[],
  current: string | null,
): { value: string; label: string }[] {
  const options = items.map((p) => ({ value: p.key, label: policyLabel(p) }));
  if (current && !items.some((p) => p.key === current)) {
    options.push({ value: current, label: `${current} (not in this catalog)` });
  }
  return options;
}

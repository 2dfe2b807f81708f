import { create } from 'zustand';
import type { PolicyTemplateItem } from '../../../../shared/api/methods/catalog';
import { api } from '../../../api';

/** The catalog's policy templates: the same for every vault of this build, loaded once. */
export const usePolicies = create<{
  items: PolicyTemplateItem[];
  loaded: boolean;
  load(): Promise<void>;
}>()((set, get) => ({
  items: [],
  loaded: false,
  async load() {
    if (get().loaded) return;
    const { items } = await api.call('catalog.policies', {});
    set({ items, loaded: true });
  },
}));

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

import { create } from 'zustand';
import { api } from '../../api';

export interface LinkOption {
  id: string;
  ref: string;
  title: string;
}

interface LinksState {
  loaded: boolean;
  /** Every Trust Services Criterion the vault holds (a request may name one outside the scope). */
  criteria: LinkOption[];
  /** Active controls, by reference. */
  controls: LinkOption[];
  load(): Promise<void>;
}

/**
 * What a request can be linked to, read when the list opens: the drawer's pickers and the
 * references shown for linked control ids.
 */
export const useRequestLinks = create<LinksState>()((set) => ({
  loaded: false,
  criteria: [],
  controls: [],
  async load() {
    const controls: LinkOption[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('controls.list', { limit: 1000, cursor });
      controls.push(...page.items.map((c) => ({ id: c.id, ref: c.ref, title: c.title })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const { items } = await api.call('criteria.list', { inScopeOnly: false });
    set({
      loaded: true,
      controls,
      criteria: items.map((c) => ({ id: c.id, ref: c.id, title: c.title })),
    });
  },
}));

/** `ctl_…` ids as the references people know ("AC-01"); unknown ids are left out. */
export function controlRefs(controls: readonly LinkOption[], ids: readonly string[]): string[] {
  const byId = new Map(controls.map((c) => [c.id, c.ref]));
  return ids.map((id) => byId.get(id)).filter((ref): ref is string => ref !== undefined);
}

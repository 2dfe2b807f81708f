import { create } from 'zustand';
import type { Person } from '../../../shared/api/people';
import { api } from '../../api';

interface PeopleState {
  people: Person[];
  loaded: boolean;
  load(): Promise<void>;
}

/**
 * The people directory as the gap analysis, risks and remediation use it: names for owners,
 * performers and reviewers. Re-read whenever one of those screens opens, so a person added on
 * the People screen appears without a reload.
 */
export const usePeople = create<PeopleState>()((set) => ({
  people: [],
  loaded: false,
  async load() {
    const { items } = await api.call('people.list', {});
    set({ people: items, loaded: true });
  },
}));

/** `per_…` → "Maya Okafor"; null when unset or unknown. */
export function personName(people: readonly Person[], id: string | null): string | null {
  if (!id) return null;
  return people.find((p) => p.id === id)?.name ?? null;
}

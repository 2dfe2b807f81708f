import { create } from 'zustand';
import type { Person } from '../../../shared/api/people';
import { api } from '../../api';
import { allPages } from '../../api/all-pages';
import { useVault } from '../vault/store';

interface PeopleState {
  /** Every person, archived ones too (a record may still point at them). */
  items: Person[];
  currentPersonId: string | null;
  loaded: boolean;
  load(): Promise<void>;
  /** Puts a created or changed person in the list, kept in name order. */
  put(person: Person): void;
  setCurrent(id: string | null): Promise<void>;
  reset(): void;
}

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);

export const usePeople = create<PeopleState>()((set) => ({
  items: [],
  currentPersonId: null,
  loaded: false,

  async load() {
    const all = await allPages((cursor) =>
      api.call('people.list', { includeArchived: true, limit: 1000, cursor }),
    );
    if (!all) return;
    const { currentPersonId } = all.first;
    set({ items: [...all.items].sort(byName), currentPersonId, loaded: true });
  },

  put(person) {
    set((s) => ({ items: [...s.items.filter((p) => p.id !== person.id), person].sort(byName) }));
  },

  async setCurrent(id) {
    const { currentPersonId } = await api.call('people.setCurrent', { id });
    set({ currentPersonId });
    // The header names the current user from the vault's info.
    await useVault.getState().refresh();
  },

  reset: () => set({ items: [], currentPersonId: null, loaded: false }),
}));

/** `per_…` → "Maya Okafor" (archived people keep their name); null when unset or unknown. */
export function personName(people: readonly Person[], id: string | null): string | null {
  if (!id) return null;
  return people.find((p) => p.id === id)?.name ?? null;
}

/** "MO" for Maya Okafor: for a small avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts;
  return letters.map((p) => p.charAt(0).toUpperCase()).join('') || '?';
}

/**
 * Someone else already in the list under the same name (ignoring case and spacing): two people
 * may share a name, so the form only warns — the same email is what the vault refuses.
 */
export function namesakeOf(
  people: readonly Person[],
  name: string,
  exceptId?: string,
): Person | null {
  const key = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  if (!key) return null;
  return (
    people.find(
      (p) => p.id !== exceptId && p.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === key,
    ) ?? null
  );
}

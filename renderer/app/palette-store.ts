import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * One entry of the command palette: a screen to jump to, an action, or (later) an object such
 * as a control, criterion, evidence item, policy or task. Features register their own entries.
 */
export interface PaletteEntry {
  id: string;
  /** Heading it is listed under: "Go to", "Vault", "Controls"… */
  group: string;
  label: string;
  description?: string;
  keywords?: string[];
  icon?: ReactNode;
  /** Shown on the right, e.g. "G S". */
  hint?: string;
  run(): void;
}

interface PaletteState {
  /** Entries by the source that registered them, so a source can replace or withdraw its own. */
  sources: Record<string, PaletteEntry[]>;
  register(source: string, entries: PaletteEntry[]): void;
  unregister(source: string): void;
}

export const usePalette = create<PaletteState>()((set) => ({
  sources: {},
  register: (source, entries) => set((s) => ({ sources: { ...s.sources, [source]: entries } })),
  unregister: (source) =>
    set((s) => {
      const { [source]: _gone, ...rest } = s.sources;
      return { sources: rest };
    }),
}));

/** Group order in the palette; groups not listed come after, alphabetically. */
const GROUP_ORDER = ['Go to', 'Vault', 'Recent vaults', 'View'];

export function paletteEntries(sources: Record<string, PaletteEntry[]>): PaletteEntry[] {
  const rank = (g: string) => {
    const i = GROUP_ORDER.indexOf(g);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return Object.values(sources)
    .flat()
    .sort(
      (a, b) =>
        rank(a.group) - rank(b.group) ||
        (rank(a.group) === GROUP_ORDER.length ? a.group.localeCompare(b.group) : 0),
    );
}

/** Registers a feature's entries while the component is mounted. */
export function usePaletteEntries(source: string, entries: PaletteEntry[]): void {
  const register = usePalette((s) => s.register);
  const unregister = usePalette((s) => s.unregister);
  useEffect(() => {
    register(source, entries);
  }, [register, source, entries]);
  useEffect(() => () => unregister(source), [unregister, source]);
}

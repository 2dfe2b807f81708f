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
  /**
   * Another action on an object that already has its entry (e.g. "Assess AC-04" for the
   * control `control:…`): it joins that entry's row as a second button labelled
   * `actionLabel`, so the object is listed once. It stands alone when that entry is missing, or
   * when a search finds it and not the entry (typing "assess").
   */
  attachTo?: string;
  actionLabel?: string;
  run(): void;
}

/** A row of the palette: an entry, and the other actions on the same object. */
export interface PaletteRow {
  entry: PaletteEntry;
  also: PaletteEntry[];
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
const GROUP_ORDER = ['Go to', 'Actions', 'Vault', 'Recent vaults', 'View'];

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

/** The entries as rows, in palette order: each attached entry on its object's row. */
export function paletteRows(sources: Record<string, PaletteEntry[]>): PaletteRow[] {
  const entries = paletteEntries(sources);
  const objects = new Map<string, PaletteRow>();
  const rowOf = new Map<PaletteEntry, PaletteRow>();
  for (const entry of entries) {
    if (entry.attachTo) continue;
    const row = { entry, also: [] };
    rowOf.set(entry, row);
    if (!objects.has(entry.id)) objects.set(entry.id, row);
  }
  const rows: PaletteRow[] = [];
  for (const entry of entries) {
    const target = entry.attachTo ? objects.get(entry.attachTo) : undefined;
    if (target) target.also.push(entry);
    else rows.push(rowOf.get(entry) ?? { entry, also: [] });
  }
  return rows;
}

/** 0: the label matches; 1: the description or a keyword does; null: no match. */
function matchRank(entry: PaletteEntry, query: string): 0 | 1 | null {
  if (entry.label.toLowerCase().includes(query)) return 0;
  const keywords = (entry.keywords ?? [])
    .map((k) => k.trim())
    .join(',')
    .toLowerCase();
  return entry.description?.toLowerCase().includes(query) || keywords.includes(query) ? 1 : null;
}

/**
 * The rows a search shows, by group: label matches before description and keyword matches,
 * at most `limit` rows. An entry whose object's row does not match, but which matches itself
 * (an attached action), is shown on its own.
 */
export function searchPalette(
  rows: readonly PaletteRow[],
  query: string,
  limit: number,
): { group: string; rows: PaletteRow[] }[] {
  const q = query.trim().toLowerCase();
  const ranked: [PaletteRow[], PaletteRow[]] = [[], []];
  for (const row of rows) {
    const rank = matchRank(row.entry, q);
    if (rank !== null) ranked[rank].push(row);
    else
      for (const entry of row.also) {
        const own = matchRank(entry, q);
        if (own !== null) ranked[own].push({ entry, also: [] });
      }
  }
  const groups = new Map<string, PaletteRow[]>();
  for (const row of ranked.flat().slice(0, limit)) {
    const list = groups.get(row.entry.group) ?? [];
    if (list.length === 0) groups.set(row.entry.group, list);
    list.push(row);
  }
  return [...groups].map(([group, list]) => ({ group, rows: list }));
}

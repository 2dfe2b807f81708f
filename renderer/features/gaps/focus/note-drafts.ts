import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface NoteDrafts {
  /** Notes typed on a control before any status was chosen, by vault opening and control. */
  drafts: Record<string, string>;
  keep(key: string, text: string): void;
  drop(key: string): void;
}

function without(drafts: Record<string, string>, key: string): Record<string, string> {
  const rest = { ...drafts };
  delete rest[key];
  return rest;
}

/**
 * An assessment is saved with its status, so notes typed before one is chosen have nowhere to go
 * in the vault yet. They are kept here (and in the browser's storage, so a reload keeps them too)
 * until a status is chosen, then saved with it: moving on to the next control never drops them.
 */
export const useNoteDrafts = create<NoteDrafts>()(
  persist(
    (set) => ({
      drafts: {},
      keep: (key, text) =>
        set((s) => ({
          drafts: text.trim() ? { ...s.drafts, [key]: text } : without(s.drafts, key),
        })),
      drop: (key) => set((s) => (key in s.drafts ? { drafts: without(s.drafts, key) } : s)),
    }),
    { name: 'attest-note-drafts', storage: createJSONStorage(() => localStorage) },
  ),
);

/** A draft's key: the vault's path and the control (a control id alone repeats across vaults). */
export const noteDraftKey = (vault: string, controlId: string) => `${vault}\u0000${controlId}`;

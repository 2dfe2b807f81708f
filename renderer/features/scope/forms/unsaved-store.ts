import { create } from 'zustand';

/**
 * Edits typed but not yet sent (a save waits for a pause in typing). The wizard's "Saved"
 * indicator counts them, so it never says "Saved" while a change is still waiting.
 */
export const useUnsaved = create<{ waiting: number; add(n: number): void }>()((set) => ({
  waiting: 0,
  add: (n) => set((s) => ({ waiting: Math.max(0, s.waiting + n) })),
}));

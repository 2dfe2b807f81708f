import { create } from 'zustand';

/** Window-level UI state: the shortcut overlay. */
export const useUi = create<{ helpOpen: boolean; setHelpOpen(open: boolean): void }>()((set) => ({
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));

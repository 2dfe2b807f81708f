import { create } from 'zustand';

export type VaultDialog =
  'new' | 'demo' | 'open' | 'saveCopy' | 'compact' | 'backups' | 'rollForward';

/** Which vault dialog is showing; opened from buttons, menus and the command palette alike. */
export const useVaultDialogs = create<{
  dialog: VaultDialog | null;
  show(dialog: VaultDialog): void;
  hide(): void;
}>()((set) => ({
  dialog: null,
  show: (dialog) => set({ dialog }),
  hide: () => set({ dialog: null }),
}));

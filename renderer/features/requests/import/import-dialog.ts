import { create } from 'zustand';

/** Whether the import wizard is open: the page's button and the empty state both open it. */
export const useImportDialog = create<{ opened: boolean; open(): void; close(): void }>()(
  (set) => ({
    opened: false,
    open: () => set({ opened: true }),
    close: () => set({ opened: false }),
  }),
);

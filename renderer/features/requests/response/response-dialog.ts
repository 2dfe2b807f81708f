import { create } from 'zustand';

/** Whether the response import is open: the page's button and the palette both open it. */
export const useResponseDialog = create<{ opened: boolean; open(): void; close(): void }>()(
  (set) => ({
    opened: false,
    open: () => set({ opened: true }),
    close: () => set({ opened: false }),
  }),
);

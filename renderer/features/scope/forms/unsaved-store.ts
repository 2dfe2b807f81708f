import { create } from 'zustand';

/**
 * Edits typed but not yet sent (`waiting`: a save waits for a pause in typing) and saves sent
 * but not yet answered (`sending`). The wizard's "Saved" indicator counts both, so it never says
 * "Saved" while a change is still on its way.
 */
export const useUnsaved = create<{
  waiting: number;
  sending: number;
  add(n: number): void;
  send(n: number): void;
}>()((set) => ({
  waiting: 0,
  sending: 0,
  add: (n) => set((s) => ({ waiting: Math.max(0, s.waiting + n) })),
  send: (n) => set((s) => ({ sending: Math.max(0, s.sending + n) })),
}));

/** Whether an edit is still waiting or travelling. */
export function hasPendingSaves(): boolean {
  const { waiting, sending } = useUnsaved.getState();
  return waiting + sending > 0;
}

const flushers = new Set<() => void>();

/** Lets `flushPendingSaves` send what a form still holds; returns the way to stop. */
export function registerFlush(flush: () => void): () => void {
  flushers.add(flush);
  return () => void flushers.delete(flush);
}

/** Sends every waiting edit of every mounted form now, without waiting for a pause. */
export function flushPendingSaves(): void {
  for (const flush of [...flushers]) flush();
}

/**
 * Leaving the page (reload, window closed, another address) sends what is still waiting at once
 * (`pagehide`, `beforeunload`). With `confirm`, `beforeunload` also asks the browser to confirm
 * leaving while a save is still waiting or travelling. Returns the way to remove the listeners.
 */
export function installUnloadGuard(target: Window, options: { confirm: boolean }): () => void {
  const onPageHide = () => flushPendingSaves();
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    flushPendingSaves();
    if (options.confirm && hasPendingSaves()) {
      event.preventDefault();
    }
  };
  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    target.removeEventListener('pagehide', onPageHide);
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
}

import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useApi } from '../../../api/provider';
import { installUnloadGuard, registerFlush, useUnsaved } from './unsaved-store';

let guardInstalled = false;

/**
 * Leaving the page sends whatever is waiting. Only a browser tab asks to confirm leaving while a
 * save is on its way: the desktop window has no such dialog (a refused unload would silently
 * keep the window open), and there the call reaches the main process at once.
 */
function ensureUnloadGuard(kind: 'desktop' | 'browser') {
  if (guardInstalled || typeof window === 'undefined') return;
  guardInstalled = true;
  installUnloadGuard(window, { confirm: kind === 'browser' });
}

/**
 * Saves fields as they are edited: typing waits for a pause (`delay`), choices save at once.
 * Each field is its own call, sent one after another, so a refused field never holds back the
 * others. Whatever is still waiting is sent at once when the form goes away (next step, drawer
 * closed), when `flushPendingSaves` is called, and when the page is left (reload, window closed).
 */
export function useFieldAutosave<K extends string>(
  saveField: (field: K, value: unknown) => Promise<void>,
  delay = 600,
) {
  const { kind } = useApi();
  const saveRef = useRef(saveField);
  useLayoutEffect(() => {
    saveRef.current = saveField;
  });
  const waiting = useRef(new Map<K, unknown>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const batch = [...waiting.current];
    waiting.current.clear();
    if (batch.length === 0) return chain.current;
    const unsaved = useUnsaved.getState();
    unsaved.add(-batch.length);
    unsaved.send(batch.length);
    for (const [field, value] of batch) {
      chain.current = chain.current
        .then(() => saveRef.current(field, value))
        .catch(() => {})
        .finally(() => useUnsaved.getState().send(-1));
    }
    return chain.current;
  }, []);

  const schedule = useCallback(
    (field: K, value: unknown, now = false) => {
      if (!waiting.current.has(field)) useUnsaved.getState().add(1);
      waiting.current.set(field, value);
      clearTimeout(timer.current);
      if (now) void flush();
      else timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  useEffect(() => {
    ensureUnloadGuard(kind);
    const unregister = registerFlush(() => void flush());
    return () => {
      unregister();
      void flush();
    };
  }, [flush, kind]);
  return { schedule, flush };
}

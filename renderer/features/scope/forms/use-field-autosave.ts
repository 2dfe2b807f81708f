import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useUnsaved } from './unsaved-store';

/**
 * Saves fields as they are edited: typing waits for a pause (`delay`), choices save at once.
 * Each field is its own call, sent one after another, so a refused field never holds back the
 * others. Whatever is still waiting is sent when the form goes away (next step, drawer closed).
 */
export function useFieldAutosave<K extends string>(
  saveField: (field: K, value: unknown) => Promise<void>,
  delay = 600,
) {
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
    useUnsaved.getState().add(-batch.length);
    for (const [field, value] of batch) {
      chain.current = chain.current.then(() => saveRef.current(field, value)).catch(() => {});
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

  useEffect(() => () => void flush(), [flush]);
  return { schedule, flush };
}

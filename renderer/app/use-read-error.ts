import { useEffect } from 'react';
import { notifyError } from './notify';

/**
 * Says once that a cached read failed (the query keeps its error; reads are not retried). Call
 * it from the one component that owns a read on screen, so the same failure is not said twice.
 */
export function useNotifyReadError(error: Error | null): void {
  useEffect(() => {
    if (error) notifyError(error);
  }, [error]);
}

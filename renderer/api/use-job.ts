import { useCallback, useRef, useState } from 'react';
import type { Input, JobMethodName, JobResult } from '../../shared/api/index';
import type { JobProgress } from '../../shared/api/jobs';
import { type ApiCallError, toApiCallError } from './errors';
import { useApi } from './provider';
import { notifyError } from '../app/notify';

/**
 * Runs one job at a time for a screen or a menu (an export, a report): its label and progress while it runs, Cancel, and the
 * result (null when it failed or was cancelled — the user has been told).
 */
export function useJob() {
  const api = useApi();
  const [running, setRunning] = useState<{ label: string; progress: JobProgress | null } | null>(
    null,
  );
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async <M extends JobMethodName>(
      label: string,
      method: M,
      input: Input<M>,
      /** Also told of a failure (a form marking the field it concerns); the notice still shows. */
      onError?: (error: ApiCallError) => void,
    ): Promise<JobResult<M> | null> => {
      const abort = new AbortController();
      controller.current = abort;
      setRunning({ label, progress: null });
      try {
        return await api.runJob(method, input, (progress) => setRunning({ label, progress }), {
          signal: abort.signal,
        });
      } catch (e) {
        const error = toApiCallError(e);
        notifyError(error);
        onError?.(error);
        return null;
      } finally {
        controller.current = null;
        setRunning(null);
      }
    },
    [api],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { running, run, cancel };
}

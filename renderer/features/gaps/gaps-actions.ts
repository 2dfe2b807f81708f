import { useCallback } from 'react';
import type { AssessInput, Assessment } from '../../../shared/api/gaps';
import type { AssessmentStatus } from '../../../shared/domain/coverage';
import { useApi } from '../../api/provider';
import { usePutAssessments } from './gaps-store';

/*
 * What the gap analysis changes. Each saves through the contract and puts the saved record into
 * the cache at once; counts, warnings and coverage follow by themselves (the change's
 * `vault.changed` re-reads what read the touched domains).
 */

/** Saves one control's assessment. */
export function useAssess(): (input: AssessInput) => Promise<Assessment> {
  const client = useApi();
  const put = usePutAssessments();
  return useCallback(
    async (input: AssessInput) => {
      const saved = await client.call('assessments.set', input);
      put([saved]);
      return saved;
    },
    [client, put],
  );
}

/** One status (and reason) for many controls: each keeps its notes and date. */
export function useAssessMany(): (
  controlIds: string[],
  status: AssessmentStatus,
  naReason: string | null,
) => Promise<void> {
  const client = useApi();
  const put = usePutAssessments();
  return useCallback(
    async (controlIds: string[], status: AssessmentStatus, naReason: string | null) => {
      const { items } = await client.call('assessments.setMany', { controlIds, status, naReason });
      put(items);
    },
    [client, put],
  );
}

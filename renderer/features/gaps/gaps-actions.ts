import { useCallback } from 'react';
import type { AssessInput, AssessedControlFilter, Assessment } from '../../../shared/api/gaps';
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

/**
 * One status (and reason) for many controls — named, or every one a filter selects — all or
 * nothing: each keeps its notes and date. Answers how many changed.
 */
export function useAssessMany(): (
  which: { controlIds: string[] } | { matching: AssessedControlFilter; except?: string[] },
  status: AssessmentStatus,
  naReason: string | null,
) => Promise<number> {
  const client = useApi();
  const put = usePutAssessments();
  return useCallback(
    async (which, status, naReason) => {
      const { items } = await client.call('assessments.setMany', { ...which, status, naReason });
      put(items);
      return items.length;
    },
    [client, put],
  );
}

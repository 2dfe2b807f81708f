import { useMemo } from 'react';
import type { SelfTestSummary } from '../../../shared/api/self-tests';
import { useVaultQuery } from '../vault/use-vault-query';

/*
 * Self-tests read through the query cache: each answer is re-read when a change touches what its
 * method declares it reads (`selfTests`, controls, evidence, the engagement).
 */

const NO_TESTS: SelfTestSummary[] = [];

/** Every self-test of the vault (or of one control), oldest first. */
export function useSelfTests(controlId?: string) {
  const query = useVaultQuery('selfTests.list', controlId ? { controlId } : {});
  return { tests: query.data ?? NO_TESTS, loaded: query.isSuccess };
}

/** Each control's tests, oldest first, by control id. */
export function useTestsByControl(): {
  byControl: Map<string, SelfTestSummary[]>;
  loaded: boolean;
} {
  const { tests, loaded } = useSelfTests();
  const byControl = useMemo(() => {
    const by = new Map<string, SelfTestSummary[]>();
    for (const t of tests) by.set(t.controlId, [...(by.get(t.controlId) ?? []), t]);
    return by;
  }, [tests]);
  return { byControl, loaded };
}

/** What a self-test of the control would draw, how many items and why. */
export function usePlan(controlId: string) {
  return useVaultQuery('selfTests.plan', { controlId, fromOccurrences: false, level: 'low' });
}

export function useSelfTest(id: string | null) {
  return useVaultQuery('selfTests.get', { id: id ?? '' }, { enabled: !!id });
}

import { useCallback } from 'react';
import type { Input } from '../../../shared/api/index';
import { useApi } from '../../api/provider';
import { useVaultQuery } from '../vault/use-vault-query';

/**
 * The readiness review as of today. Evaluating it reads the whole vault (about a second on the
 * large demo), so every part of the page reads this one cached answer: never a second call.
 */
export function useReadiness() {
  return useVaultQuery('readiness.get', {});
}

/** The frozen reviews, newest first. */
export function useSnapshots() {
  return useVaultQuery('readiness.snapshots', {});
}

/**
 * Two reviews compared, read only once asked for (`input` null until then): comparing with
 * today evaluates the review again on the server.
 */
export function useComparison(input: Input<'readiness.compare'> | null) {
  return useVaultQuery('readiness.compare', input ?? { fromId: 'rvw_none' }, {
    enabled: input !== null,
  });
}

/** Freezes the review as of today; the list re-reads itself from `vault.changed`. */
export function useFreeze() {
  const api = useApi();
  return useCallback(
    (input: Input<'readiness.freeze'>) => api.call('readiness.freeze', input),
    [api],
  );
}

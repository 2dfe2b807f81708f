import type { UseQueryResult } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/api/index';
import { useApiQuery } from '../../api/queries';
import { useOpenId } from './store';

/**
 * A cached read of the open vault: keyed by this opening, so nothing from a previously open
 * vault is ever shown; waits while no vault is open.
 */
export function useVaultQuery<M extends MethodName, T = Output<M>>(
  method: M,
  input: Input<M>,
  options: {
    select?: (data: Output<M>) => T;
    enabled?: boolean;
    /** For answers about things outside Attest's events (files, free space): 0 reads afresh. */
    staleTime?: number;
    gcTime?: number;
  } = {},
): UseQueryResult<T, Error> {
  const openId = useOpenId();
  return useApiQuery(openId, method, input, {
    ...options,
    enabled: openId !== null && (options.enabled ?? true),
  });
}

import {
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { type Domain, overlaps } from '../../shared/api/domains';
import type { EventPayload } from '../../shared/api/events';
import { type Input, type MethodName, type Output, methods } from '../../shared/api/index';
import type { ApiClient } from './client';
import { useApi } from './provider';

/**
 * Every cached answer is keyed by the opening of the vault it came from (`openId`, new at each
 * open), the method and its input. A different vault — or the same one opened again — reads
 * under new keys, so a switch can never show the previous vault's rows.
 */
export type ApiQueryKey = readonly ['api', string | null, MethodName, unknown];

export function apiQueryKey<M extends MethodName>(
  openId: string | null,
  method: M,
  input: Input<M>,
): ApiQueryKey {
  return ['api', openId, method, input ?? {}];
}

function asApiKey(key: QueryKey): ApiQueryKey | null {
  return key[0] === 'api' && key.length === 4 ? (key as unknown as ApiQueryKey) : null;
}

/** What a cached method's answer depends on (declared in the contract). */
export function readsOf(method: MethodName): readonly Domain[] {
  return methods[method].reads ?? [];
}

/** Domains kept outside the vault file: their changes concern every opening. */
const OUTSIDE: readonly Domain[] = ['recent', 'backups', 'witness', 'jobs', 'auditor'];

/**
 * Keeps the cache true to the vault: a change re-reads exactly the shown answers that read what
 * it touched (others are marked stale and re-read when shown again); another opening drops the
 * previous opening's answers; a reconnect re-reads everything shown (events may have been missed).
 */
export function keepFresh(client: ApiClient, queries: QueryClient): () => void {
  const offChanged = client.subscribe('vault.changed', (change) => onVaultChanged(queries, change));
  const offReconnect = client.onReconnect(() => void queries.invalidateQueries());
  return () => {
    offChanged();
    offReconnect();
  };
}

export function onVaultChanged(queries: QueryClient, change: EventPayload<'vault.changed'>): void {
  if (change.reason !== 'updated') {
    queries.removeQueries({
      predicate: (q) => {
        const key = asApiKey(q.queryKey);
        return key !== null && key[1] !== null && key[1] !== change.openId;
      },
    });
  }
  const outside = change.domains.filter((d) => OUTSIDE.includes(d));
  void queries.invalidateQueries({
    predicate: (q) => {
      const key = asApiKey(q.queryKey);
      if (!key) return false;
      const reads = readsOf(key[2]);
      if (key[1] === change.openId && overlaps(reads, change.domains)) return true;
      return overlaps(reads, outside);
    },
  });
}

type ReadOptions<M extends MethodName, T> = Omit<
  UseQueryOptions<Output<M>, Error, T, ApiQueryKey>,
  'queryKey' | 'queryFn'
>;

/**
 * One cached read of the API, for the vault opening `openId` (pass null for reads that need no
 * vault). Re-read when a `vault.changed` touches what the method reads.
 */
export function useApiQuery<M extends MethodName, T = Output<M>>(
  openId: string | null,
  method: M,
  input: Input<M>,
  options: ReadOptions<M, T> = {},
): UseQueryResult<T, Error> {
  const client = useApi();
  return useQuery({
    queryKey: apiQueryKey(openId, method, input),
    queryFn: () => client.call(method, input),
    ...options,
  });
}

/**
 * A cached read made of several calls of one method (every page of a list): keyed and kept
 * fresh like `useApiQuery`, by the method's declared reads; `variant` tells its answer apart
 * from a plain call's.
 */
export function useApiRead<M extends MethodName, T>(
  openId: string | null,
  method: M,
  variant: string,
  read: (client: ApiClient) => Promise<T>,
  options: { enabled?: boolean } = {},
): UseQueryResult<T, Error> {
  const client = useApi();
  return useQuery({
    queryKey: ['api', openId, method, { variant }] as const,
    queryFn: () => read(client),
    ...options,
  });
}

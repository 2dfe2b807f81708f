import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/index';
import { useApi } from '../../api/provider';
import { apiQueryKey } from '../../api/queries';
import { useOpenId } from './store';

/** Lists the server pages with a cursor (`{ items, nextCursor }`). */
type PagedMethod = {
  [M in MethodName]: Output<M> extends { nextCursor: string | null } ? M : never;
}[MethodName];

/** One row of a paged method's answer. */
type RowOf<M extends MethodName> = Output<M> extends { items: (infer R)[] } ? R : never;

/**
 * A table's rows for one filter and order, a page at a time (the server filters, sorts and
 * pages). Keyed like every API read (`['api', openId, method, input]`), so a change to what the
 * method reads re-reads the pages shown. While another filter is being read the rows of the
 * previous one stay — but only rows of this opening of the vault, never another's.
 */
export function useVaultPages<M extends PagedMethod>(method: M, input: Input<M>) {
  const client = useApi();
  const openId = useOpenId();
  const pages = useInfiniteQuery({
    queryKey: apiQueryKey(openId, method, input),
    queryFn: ({ pageParam }) =>
      client.call(method, { ...input, cursor: pageParam ?? undefined } as Input<M>),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Output<M>) => (last as { nextCursor: string | null }).nextCursor,
    enabled: openId !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === openId ? previous : undefined,
  });
  const { fetchNextPage } = pages;
  // A re-read of the pages after a change is not cut short by scrolling: the next page waits for
  // it (cancelling it would leave the rows as they were before the change).
  const loadMore = useCallback(() => fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  // Every page read so far, in order, and the count the server gave with the latest page (every
  // paged method answers one): what each table shows and its "N of M".
  const { data } = pages;
  const rows = useMemo(
    () => data?.pages.flatMap((p) => (p as unknown as { items: RowOf<M>[] }).items) ?? [],
    [data],
  );
  const total = (data?.pages.at(-1) as { total?: number } | undefined)?.total ?? 0;
  // The rows are still the previous filter's while its own are read.
  return { pages, loadMore, rows, total, stale: pages.isPlaceholderData };
}

import { useInfiniteQuery } from '@tanstack/react-query';
import type { PopulationRows } from '../../../shared/api/methods/auditor';
import { useApi } from '../../api/provider';
import { apiQueryKey } from '../../api/queries';

/** Rows asked for at a time (the most the contract gives in one answer). */
export const ROWS_PAGE = 200;

/**
 * A population's rows, a page at a time as the table scrolls, narrowed by a search the server
 * applies. Keyed like every auditor read (no vault opening), so closing the package drops it.
 */
export function usePopulationRows(population: string | null, search: string) {
  const client = useApi();
  const input = { population: population ?? '', search };
  return useInfiniteQuery({
    queryKey: apiQueryKey(null, 'auditor.populationRows', input),
    enabled: population !== null,
    staleTime: Infinity,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      client.call('auditor.populationRows', {
        population: input.population,
        offset: pageParam,
        limit: ROWS_PAGE,
        ...(search ? { search } : {}),
      }),
    getNextPageParam: (last: PopulationRows, pages: PopulationRows[]) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
  });
}

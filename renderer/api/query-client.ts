import { QueryClient } from '@tanstack/react-query';

/**
 * The window's cache of API answers. Freshness is driven by `vault.changed` (see `keepFresh`),
 * not by timers or focus: an answer stays until a change touches what it read. Errors are
 * shown, not retried: a refused read (no vault, a bad input) does not get better by asking again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

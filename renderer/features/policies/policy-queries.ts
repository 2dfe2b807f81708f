import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input, Output } from '../../../shared/api/index';
import type { Policy, PolicySortKey } from '../../../shared/api/policies';
import { allPages } from '../../api/all-pages';
import { apiQueryKey, useApiQuery, useApiRead } from '../../api/queries';
import { useApi } from '../../api/provider';
import type { SortState } from '../../components/table/sort';
import { useOpenId } from '../vault/store';
import { useVaultPages } from '../vault/use-vault-pages';

/*
 * The policy library read through the query cache (keys `['api', openId, method, input]`): each
 * answer is re-read when a change touches what its method declares it reads.
 */

const NO_POLICIES: Policy[] = [];
type Consistency = Output<'policies.consistency'>;
export type ConsistencyFinding = Consistency['findings'][number];

/**
 * Every policy of the open vault (archived ones too when asked), by title: every page, for the
 * screens that look policies up (the table pages its own read).
 */
export function usePolicies(includeArchived = false) {
  const openId = useOpenId();
  const query = useApiRead(
    openId,
    'policies.list',
    includeArchived ? 'all' : 'current',
    async (client) =>
      (await allPages((cursor) =>
        client.call('policies.list', { includeArchived, limit: 1000, cursor }),
      ))!.items,
    { enabled: openId !== null },
  );
  return { items: query.data ?? NO_POLICIES, loaded: query.isSuccess };
}

/** One page of the library table: a vault holds tens, so usually one. */
export const POLICY_PAGE_SIZE = 200;

/** The library table's search, archived switch and order as `policies.list` takes them. */
export function policyListInput(
  search: string,
  showArchived: boolean,
  sort: SortState<PolicySortKey>,
): Input<'policies.list'> {
  const needle = search.trim();
  return {
    includeArchived: showArchived,
    sort,
    limit: POLICY_PAGE_SIZE,
    ...(needle ? { search: needle } : {}),
  };
}

/** The library table's rows, a page at a time: the server searches, sorts and pages. */
export function usePolicyPages(
  search: string,
  showArchived: boolean,
  sort: SortState<PolicySortKey>,
) {
  return useVaultPages('policies.list', policyListInput(search, showArchived, sort));
}

export function usePolicy(id: string | null) {
  const openId = useOpenId();
  return useApiQuery(openId, 'policies.get', { id: id ?? '' }, { enabled: !!id && !!openId });
}

export function useVersions(policyId: string) {
  const openId = useOpenId();
  const query = useApiQuery(openId, 'policies.versions', { policyId }, { enabled: !!openId });
  return query.data?.items ?? [];
}

export function useVersion(id: string | null) {
  const openId = useOpenId();
  return useApiQuery(openId, 'policies.version', { id: id ?? '' }, { enabled: !!id && !!openId });
}

/** The consistency check of one policy, of one control, or of the whole vault (no filter). */
export function useConsistency(filter: { policyId?: string; controlId?: string }) {
  const openId = useOpenId();
  const query = useApiQuery(openId, 'policies.consistency', filter, { enabled: !!openId });
  return query.data ?? null;
}

/** Warnings per policy id, for the list. */
export function useFindingsByPolicy(): Map<string, ConsistencyFinding[]> {
  const all = useConsistency({});
  return useMemo(() => {
    const by = new Map<string, ConsistencyFinding[]>();
    for (const f of all?.findings ?? []) by.set(f.policyId, [...(by.get(f.policyId) ?? []), f]);
    return by;
  }, [all]);
}

/**
 * How many current people have not acknowledged each policy's version in force in time (only
 * the policies that have one): one read per policy — a vault holds tens.
 */
export function useAckGaps(policies: readonly Policy[]): Map<string, number> {
  const openId = useOpenId();
  const api = useApi();
  const inForce = policies.filter((p) => p.inForceVersionId !== null);
  const results = useQueries({
    queries: inForce.map((p) => ({
      queryKey: apiQueryKey(openId, 'policies.missingAcks', { policyId: p.id }),
      queryFn: () => api.call('policies.missingAcks', { policyId: p.id }),
      enabled: openId !== null,
    })),
  });
  // A string of "id=count" pairs: the same numbers give the same map (no re-render of the list).
  const key = inForce
    .map((p, i) => {
      const people = results[i]?.data?.people;
      return people ? `${p.id}=${people.filter((x) => x.state === 'overdue').length}` : '';
    })
    .filter(Boolean)
    .join(',');
  return useMemo(
    () =>
      new Map(
        key
          .split(',')
          .filter(Boolean)
          .map((pair) => {
            const [id, n] = pair.split('=');
            return [id!, Number(n)] as const;
          }),
      ),
    [key],
  );
}

export function useMissingAcks(policyId: string) {
  const openId = useOpenId();
  return useApiQuery(openId, 'policies.missingAcks', { policyId }, { enabled: !!openId }).data;
}

export function useAcknowledgements(policyId: string) {
  const openId = useOpenId();
  return (
    useApiQuery(openId, 'policies.acknowledgements', { policyId }, { enabled: !!openId }).data
      ?.items ?? []
  );
}

/** The catalog, for the templates (with their promises and controls); it never changes. */
export function useCatalog() {
  return useApiQuery(null, 'catalog.get', {}, { staleTime: Infinity }).data ?? null;
}

import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input } from '../../../shared/api/index';
import type { AuditRequest, AuditRequestDetail, RequestPatch } from '../../../shared/api/requests';
import { useApi } from '../../api/provider';
import { apiQueryKey } from '../../api/queries';
import { useOpenId } from '../vault/store';
import type { AllRequests, RequestPage } from './request-queries';

type CachedList = AllRequests | InfiniteData<RequestPage, string | null>;

const replaced = (items: AuditRequest[], request: AuditRequest) =>
  items.map((r) => (r.id === request.id ? request : r));

function withRequest(data: CachedList | undefined, request: AuditRequest): CachedList | undefined {
  if (!data) return data;
  if ('pages' in data) {
    return { ...data, pages: data.pages.map((p) => ({ ...p, items: replaced(p.items, request) })) };
  }
  return { ...data, items: replaced(data.items, request) };
}

/**
 * A request just changed shows at once wherever it is cached — the whole list, every page of
 * the table, its drawer — before the re-read that the change's `vault.changed` brings. A row
 * that no longer matches its filter goes at that re-read.
 */
export function showChangedRequest(
  queries: QueryClient,
  openId: string | null,
  request: AuditRequest,
): void {
  queries.setQueriesData<CachedList>({ queryKey: ['api', openId, 'requests.list'] }, (data) =>
    withRequest(data, request),
  );
  queries.setQueryData<AuditRequestDetail>(
    apiQueryKey(openId, 'requests.get', { id: request.id }),
    (detail) => (detail ? { ...detail, request } : detail),
  );
}

/**
 * The changes a consultant makes to a request, through this window's client. Each shows its
 * answer at once; what else it changed is re-read by the contract's `touches` (an archive or
 * an import re-reads the lists, nothing here reloads by hand).
 */
export function useRequestActions() {
  const client = useApi();
  const queries = useQueryClient();
  const openId = useOpenId();
  return useMemo(() => {
    const show = (request: AuditRequest) => showChangedRequest(queries, openId, request);
    return {
      async update(id: string, patch: RequestPatch): Promise<AuditRequest> {
        const request = await client.call('requests.update', { id, patch });
        show(request);
        return request;
      },
      async setStatus(input: Input<'requests.setStatus'>): Promise<AuditRequest> {
        const request = await client.call('requests.setStatus', input);
        show(request);
        return request;
      },
      async comment(id: string, body: string): Promise<AuditRequestDetail> {
        const detail = await client.call('requests.comment', { id, body });
        queries.setQueryData(apiQueryKey(openId, 'requests.get', { id }), detail);
        show(detail.request);
        return detail;
      },
      archive: (id: string, archived: boolean): Promise<AuditRequest> =>
        client.call('requests.archive', { id, archived }),
    };
  }, [client, queries, openId]);
}

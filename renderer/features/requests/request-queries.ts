import type { Input, Output } from '../../../shared/api/index';
import type { AuditRequest } from '../../../shared/api/requests';
import type { ApiClient } from '../../api';
import { allPages } from '../../api/all-pages';
import { useApiRead } from '../../api/queries';
import { useVaultQuery } from '../vault/use-vault-query';
import { useOpenId } from '../vault/store';
import { type RequestFilters, type RequestSort, filtersToQuery } from './table/table-query';
import { useVaultPages } from '../vault/use-vault-pages';

/** One page of the table; the largest the contract allows would stall the first paint. */
export const PAGE_SIZE = 200;

/** Every active request, as the palette, the waves, the counts and the navigation see them. */
export interface AllRequests {
  /** In the auditor's order (a PBC list runs to a few hundred). */
  items: AuditRequest[];
  loaded: boolean;
}

const NOT_LOADED: AllRequests = { items: [], loaded: false };

async function readAllRequests(client: ApiClient): Promise<AllRequests> {
  const all = await allPages((cursor) => client.call('requests.list', { limit: 1000, cursor }));
  return { items: all!.items, loaded: true };
}

/** The `variant` of the whole-list read in the cache (see `useApiRead`). */
export const ALL_REQUESTS = 'all';

/**
 * Every request of the open vault, across pages, from the query cache (re-read when requests,
 * people or controls change). With a selector, only that part.
 */
export function useAllRequests(): AllRequests;
export function useAllRequests<T>(select: (all: AllRequests) => T): T;
export function useAllRequests<T>(select?: (all: AllRequests) => T): T | AllRequests {
  const all = useAllRequestsQuery().data ?? NOT_LOADED;
  return select ? select(all) : all;
}

/** Why the whole list could not be read, if it could not (said once, by the page). */
export function useAllRequestsError(): Error | null {
  return useAllRequestsQuery().error;
}

function useAllRequestsQuery() {
  const openId = useOpenId();
  return useApiRead(openId, 'requests.list', ALL_REQUESTS, readAllRequests, {
    enabled: openId !== null,
  });
}

type ListInput = Input<'requests.list'>;
export type RequestPage = Output<'requests.list'>;

/**
 * The table's rows for these filters and this order, a page at a time (the server filters,
 * sorts and pages). Keyed like every API read (`['api', openId, 'requests.list', input]`), so
 * a change to requests re-reads the pages shown. While another filter is being read the rows of
 * the previous one stay — but only rows of this opening of the vault, never another's.
 */
export function useRequestPages(filters: RequestFilters, sort: RequestSort) {
  const input: ListInput = { ...filtersToQuery(filters, sort), limit: PAGE_SIZE };
  return useVaultPages('requests.list', input);
}

/** One request with its follow-up thread (re-read when it, its people or its controls change). */
export function useRequestDetail(id: string) {
  return useVaultQuery('requests.get', { id });
}

export interface LinkOption {
  id: string;
  ref: string;
  title: string;
  /** Controls only: automated (its configuration can have a change history linked). */
  automated?: boolean;
}

/** What a request can be linked to: the drawer's pickers, and references for control ids. */
export interface RequestLinks {
  /** Every Trust Services Criterion the vault holds (a request may name one outside the scope). */
  criteria: LinkOption[];
  /** Active controls, by reference. */
  controls: LinkOption[];
}

async function readControlOptions(client: ApiClient): Promise<LinkOption[]> {
  const all = await allPages((cursor) => client.call('controls.list', { limit: 1000, cursor }));
  return all!.items.map((c) => ({
    id: c.id,
    ref: c.ref,
    title: c.title,
    automated: c.nature === 'automated',
  }));
}

const toCriteriaOptions = (answer: Output<'criteria.list'>): LinkOption[] =>
  answer.items.map((c) => ({ id: c.id, ref: c.id, title: c.title }));

const NO_OPTIONS: LinkOption[] = [];

/** The criteria and controls a request can link to, from the query cache. */
export function useRequestLinks(): RequestLinks {
  const openId = useOpenId();
  const controls = useApiRead(openId, 'controls.list', 'link-options', readControlOptions, {
    enabled: openId !== null,
  });
  const criteria = useVaultQuery(
    'criteria.list',
    { inScopeOnly: false },
    {
      select: toCriteriaOptions,
    },
  );
  return { criteria: criteria.data ?? NO_OPTIONS, controls: controls.data ?? NO_OPTIONS };
}

/** `ctl_…` ids as the references people know ("AC-01"); unknown ids are left out. */
export function controlRefs(controls: readonly LinkOption[], ids: readonly string[]): string[] {
  const byId = new Map(controls.map((c) => [c.id, c.ref]));
  return ids.map((id) => byId.get(id)).filter((ref): ref is string => ref !== undefined);
}

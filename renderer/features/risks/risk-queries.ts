import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input } from '../../../shared/api/index';
import type { RISK_SORT_KEYS, Risk, RiskCell, StarterRisk } from '../../../shared/api/risks';
import type { ApiClient } from '../../api';
import { allPages } from '../../api/all-pages';
import { useApi } from '../../api/provider';
import { useApiRead } from '../../api/queries';
import { useOpenId } from '../vault/store';
import { useVaultPages } from '../vault/use-vault-pages';

/** The risk register as screens see it (read through the query cache). */
export interface RisksView {
  /** The register: risks not archived. */
  risks: Risk[];
  /** Archived risks (discarded suggestions among them), shown on request to restore them. */
  archived: Risk[];
  /** Starter risks still to accept or discard, offered one at a time. */
  starters: StarterRisk[];
  /** When the risk assessment was last performed. */
  assessedOn: string | null;
  /** False until the register of this opening has been read once. */
  loaded: boolean;
  /** Why the register could not be read, if it could not. */
  error: Error | null;
}

const VARIANT = 'all';

/** The cache key of the whole register (every page, archived risks too) of an opening. */
export const registerKey = (openId: string | null) =>
  ['api', openId, 'risks.list', { variant: VARIANT }] as const;

type Register = Omit<RisksView, 'loaded' | 'error'>;

async function readRegister(client: ApiClient): Promise<Register> {
  const all = await allPages((cursor) =>
    client.call('risks.list', { includeArchived: true, limit: 1000, cursor }),
  );
  const { items, first } = all!;
  return {
    risks: items.filter((r) => !r.archived),
    archived: items.filter((r) => r.archived),
    starters: first.starters,
    assessedOn: first.assessedOn,
  };
}

const EMPTY: Register = { risks: [], archived: [], starters: [], assessedOn: null };

/**
 * The open vault's risk register, from the query cache: re-read when a change touches risks or
 * the engagement (the contract's `reads`). With a selector, only that part — the shape screens
 * used when this was a store.
 */
export function useRisks(): RisksView;
export function useRisks<T>(select: (view: RisksView) => T): T;
export function useRisks<T>(select?: (view: RisksView) => T): T | RisksView {
  const openId = useOpenId();
  const query = useApiRead(openId, 'risks.list', VARIANT, readRegister, {
    enabled: openId !== null,
  });
  const view: RisksView = {
    ...(query.data ?? EMPTY),
    loaded: query.data !== undefined,
    error: query.error,
  };
  return select ? select(view) : view;
}

export type RiskSortKey = (typeof RISK_SORT_KEYS)[number];
export interface RiskSort {
  key: RiskSortKey;
  dir: 'asc' | 'desc';
}

/** What the register table asks for: the server filters, sorts and pages. */
export interface RiskTableQuery {
  sort: RiskSort;
  /** One cell of a matrix, chosen on the matrix below the register. */
  cell: RiskCell | null;
  includeArchived: boolean;
}

/** One page of the register table (a register runs to tens, a large one to hundreds). */
export const RISK_PAGE_SIZE = 200;

/**
 * The register table's rows, a page at a time, for this order, matrix cell and archived choice;
 * keyed like every API read, so a change to risks re-reads the pages shown. While another query
 * is read the previous rows stay, but only rows of this opening.
 */
export function useRiskPages(query: RiskTableQuery) {
  const input: Input<'risks.list'> = {
    sort: query.sort,
    includeArchived: query.includeArchived,
    ...(query.cell ? { cell: query.cell } : {}),
    limit: RISK_PAGE_SIZE,
  };
  return useVaultPages('risks.list', input);
}

/** A risk as Attest answered it, in the register or among the archived ones where it belongs. */
function putRisk(register: Register, risk: Risk): Register {
  const others = (list: Risk[]) => list.filter((r) => r.id !== risk.id);
  return risk.archived
    ? { ...register, risks: others(register.risks), archived: [...others(register.archived), risk] }
    : {
        ...register,
        risks: [...others(register.risks), risk],
        archived: others(register.archived),
      };
}

function edit(queries: QueryClient, openId: string | null, change: (r: Register) => Register) {
  queries.setQueryData<Register>(registerKey(openId), (r) => (r ? change(r) : r));
}

export interface RiskActions {
  create(input: Input<'risks.create'>): Promise<Risk>;
  update(id: string, patch: Input<'risks.update'>['patch']): Promise<Risk>;
  archive(id: string): Promise<Risk>;
  restore(id: string): Promise<Risk>;
  /** Accepts a starter risk into the register (answering it) or discards it (null). */
  decideStarter(key: string, accept: boolean): Promise<Risk | null>;
  setAssessedOn(date: string | null): Promise<string | null>;
}

/**
 * The changes a user makes to the register. Each answer is put into the cached register at once
 * (the row, the starter gone), so nothing lags behind a click; the `vault.changed` that follows
 * re-reads the register and everything else that reads risks (gaps, coverage, proposals).
 */
export function useRiskActions(): RiskActions {
  const api = useApi();
  const queries = useQueryClient();
  const openId = useOpenId();
  return useMemo(() => {
    const put = (risk: Risk) => {
      edit(queries, openId, (r) => putRisk(r, risk));
      return risk;
    };
    return {
      create: async (input) => put(await api.call('risks.create', input)),
      update: async (id, patch) => put(await api.call('risks.update', { id, patch })),
      archive: async (id) => put(await api.call('risks.archive', { id, archived: true })),
      restore: async (id) => put(await api.call('risks.archive', { id, archived: false })),
      async decideStarter(key, accept) {
        const { risk } = await api.call('risks.decideStarter', { key, accept });
        // A discarded one is kept as an archived risk: the re-read that follows brings it.
        edit(queries, openId, (r) => {
          const decided = { ...r, starters: r.starters.filter((s) => s.key !== key) };
          return risk ? putRisk(decided, risk) : decided;
        });
        return risk;
      },
      async setAssessedOn(date) {
        const { assessedOn } = await api.call('risks.setAssessedOn', { date });
        edit(queries, openId, (r) => ({ ...r, assessedOn }));
        return assessedOn;
      },
    };
  }, [api, queries, openId]);
}

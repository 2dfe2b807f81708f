import { create } from 'zustand';
import type { Input } from '../../../shared/api/index';
import type { AuditRequest, AuditRequestDetail, RequestPatch } from '../../../shared/api/requests';
import { api } from '../../api';
import { useVault } from '../vault/store';
import { useRequestTable } from './table/request-table-store';

interface RequestsState {
  status: 'idle' | 'loading' | 'ready';
  /** Every active request (a PBC list runs to a few hundred): the palette, waves, nav status. */
  items: AuditRequest[];
  load(): Promise<void>;
  put(request: AuditRequest): void;
  reset(): void;
}

let generation = 0;

/** Every request of the open vault, across pages, in the auditor's order. */
export const useRequests = create<RequestsState>()((set, get) => ({
  status: 'idle',
  items: [],

  async load() {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    const items: AuditRequest[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('requests.list', { limit: 1000, cursor });
      if (mine !== generation) return;
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    set({ items, status: 'ready' });
  },

  put(request) {
    set((s) => ({ items: s.items.map((r) => (r.id === request.id ? request : r)) }));
  },

  reset() {
    generation++;
    set({ status: 'idle', items: [] });
  },
}));

/**
 * A vault's requests never show in another: both lists are emptied the moment the open vault
 * changes, inside the vault store's update and so before React renders anything of the new one.
 * Done in the workbench's effect instead, the reset came after the page's own first read (React
 * runs a child's effects before its parent's) and threw that read away: the request list, opened
 * directly or reloaded, waited forever for an answer it had discarded.
 */
useVault.subscribe((state, previous) => {
  if (state.info?.vaultId === previous.info?.vaultId) return;
  useRequests.getState().reset();
  useRequestTable.getState().reset();
});

/** A changed request shows at once wherever it is listed. */
function putEverywhere(request: AuditRequest): void {
  useRequests.getState().put(request);
  useRequestTable.getState().put(request);
}

/** After an import or an archive: the whole list may have changed. */
export async function reloadRequests(): Promise<void> {
  await Promise.all([useRequests.getState().load(), useRequestTable.getState().reload()]);
}

export async function updateRequest(id: string, patch: RequestPatch): Promise<AuditRequest> {
  const request = await api.call('requests.update', { id, patch });
  putEverywhere(request);
  return request;
}

export async function setRequestStatus(input: Input<'requests.setStatus'>): Promise<AuditRequest> {
  const request = await api.call('requests.setStatus', input);
  putEverywhere(request);
  return request;
}

export async function commentOnRequest(id: string, body: string): Promise<AuditRequestDetail> {
  const detail = await api.call('requests.comment', { id, body });
  putEverywhere(detail.request);
  return detail;
}

export async function archiveRequest(id: string, archived: boolean): Promise<AuditRequest> {
  const request = await api.call('requests.archive', { id, archived });
  await reloadRequests();
  return request;
}

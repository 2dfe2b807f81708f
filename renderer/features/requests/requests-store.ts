import { create } from 'zustand';
import type { Input } from '../../../shared/api/index';
import type { AuditRequest, AuditRequestDetail, RequestPatch } from '../../../shared/api/requests';
import { api } from '../../api';
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

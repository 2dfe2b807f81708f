// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence, EvidenceSort } from '../../../shared/api/evidence';
import type { EventPayload, Input, Output } from '../../../shared/api/index';
import { closeVault, fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import {
  EVIDENCE_PAGE_SIZE,
  type EvidenceFilters,
  useEvidenceDetail,
  useEvidencePages,
  useLinkedEvidence,
} from './evidence-queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Only what these hooks pass through: the rows are the server's, shown as they come.
const item = (id: string, title = id, controlIds: string[] = []): Evidence =>
  ({ id, ref: id.toUpperCase(), title, controlIds }) as unknown as Evidence;

const SORT: EvidenceSort = { key: 'performedOn', dir: 'asc' };

/**
 * `evidence.list` and `evidence.get` over what each opening's vault holds (read at every call, so
 * a test changes what the server holds), paged by cursor and filtered by control; `gate` holds
 * the answers back to see what shows meanwhile.
 */
function server(vaults: Record<string, Evidence[]>, current: { openId: string }) {
  const state: { gate?: Promise<void> } = {};
  const api = fakeClient({
    'evidence.list': async (input: Input<'evidence.list'>) => {
      await state.gate;
      const all = (vaults[current.openId] ?? []).filter(
        (e) => !input.controlId || (e.controlIds as string[]).includes(input.controlId),
      );
      const start = input.cursor ? Number(input.cursor) : 0;
      const end = start + (input.limit ?? 50);
      return {
        items: all.slice(start, end),
        nextCursor: end < all.length ? String(end) : null,
        total: all.length,
      } as Output<'evidence.list'>;
    },
    'evidence.get': ({ id }) => {
      const found = (vaults[current.openId] ?? []).find((e) => e.id === id);
      if (!found) throw new Error('No such item');
      return { ...found, population: null, body: null, supersedes: [] } as Output<'evidence.get'>;
    },
  });
  return { ...api, state };
}

const changed = (openId: string, domains: EventPayload<'vault.changed'>['domains']) =>
  ({ openId, path: '/v', reason: 'updated', domains }) as EventPayload<'vault.changed'>;

beforeEach(() => openVault('open-1', 'vault-a'));
afterEach(() => {
  cleanup();
  closeVault();
});

describe('the evidence table’s pages', () => {
  it('are read a page at a time, filtered and sorted by the server, keyed by the opening', async () => {
    const current = { openId: 'open-1' };
    const rows = Array.from({ length: EVIDENCE_PAGE_SIZE + 5 }, (_, i) => item(`evi_${i}`));
    const api = server({ 'open-1': rows }, current);
    const { wrapper, queries } = withApi(api.client);
    const { result } = renderHook(() => useEvidencePages({}, SORT), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(EVIDENCE_PAGE_SIZE));
    expect(result.current.total).toBe(EVIDENCE_PAGE_SIZE + 5);
    expect(api.callsOf('evidence.list')[0]!.input).toEqual({
      includeSuperseded: false,
      sort: SORT,
      limit: EVIDENCE_PAGE_SIZE,
      cursor: undefined,
    });
    // The cache key names the opening: what another opening reads is never this answer.
    expect(queries.getQueryCache().getAll()[0]!.queryKey[1]).toBe('open-1');

    await act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.rows).toHaveLength(EVIDENCE_PAGE_SIZE + 5));
    expect(api.callsOf('evidence.list')[1]!.input).toMatchObject({
      cursor: String(EVIDENCE_PAGE_SIZE),
    });
  });

  it('are read again when evidence, controls or people change — not for a change elsewhere', async () => {
    const current = { openId: 'open-1' };
    const vaults = { 'open-1': [item('evi_1', 'Access review Q1')] };
    const api = server(vaults, current);
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(() => useEvidencePages({}, SORT), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(1));

    vaults['open-1'] = [item('evi_1', 'Access review Q1 (signed)')];
    act(() => api.announce(changed('open-1', ['evidence'])));
    await waitFor(() => expect(result.current.rows[0]!.title).toBe('Access review Q1 (signed)'));
    expect(api.count('evidence.list')).toBe(2);

    // A control's reference shown in a row is renamed: read again too.
    act(() => api.announce(changed('open-1', ['controls'])));
    await waitFor(() => expect(api.count('evidence.list')).toBe(3));

    // Tasks and risks are not in an evidence row; nor is a change to another opening.
    act(() => api.announce(changed('open-1', ['tasks', 'risks'])));
    act(() => api.announce(changed('open-0', ['evidence'])));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(api.count('evidence.list')).toBe(3);
  });

  it('never show another vault’s rows, not even while the new vault’s are read', async () => {
    const current = { openId: 'open-1' };
    const api = server(
      { 'open-1': [item('evi_a', 'Vault A item')], 'open-2': [item('evi_b', 'Vault B item')] },
      current,
    );
    const { wrapper } = withApi(api.client);
    const seen: string[][] = [];
    const { result } = renderHook(
      () => {
        const pages = useEvidencePages({}, SORT);
        seen.push(pages.rows.map((r) => r.id));
        return pages;
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.rows.map((r) => r.id)).toEqual(['evi_a']));

    // The switch: vault B's answer is held back, and nothing of vault A shows meanwhile.
    let release!: () => void;
    api.state.gate = new Promise((r) => (release = r));
    seen.length = 0;
    current.openId = 'open-2';
    openVault('open-2', 'vault-b');
    expect(result.current.rows).toEqual([]);
    expect(result.current.stale).toBe(false);
    release();
    await waitFor(() => expect(result.current.rows.map((r) => r.id)).toEqual(['evi_b']));
    expect(seen.flat()).not.toContain('evi_a');
  });

  it('keep the previous filter’s rows, marked stale, while the new filter’s are read', async () => {
    const current = { openId: 'open-1' };
    const api = server(
      { 'open-1': [item('evi_1', 'One', ['ctl_a']), item('evi_2', 'Two', ['ctl_b'])] },
      current,
    );
    const { wrapper } = withApi(api.client);
    const { result, rerender } = renderHook(
      (filters: EvidenceFilters) => useEvidencePages(filters, SORT),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(2));

    let release!: () => void;
    api.state.gate = new Promise((r) => (release = r));
    rerender({ controlId: 'ctl_b' });
    expect(result.current.rows.map((r) => r.id)).toEqual(['evi_1', 'evi_2']);
    expect(result.current.stale).toBe(true);
    release();
    await waitFor(() => expect(result.current.rows.map((r) => r.id)).toEqual(['evi_2']));
    expect(result.current.stale).toBe(false);
  });
});

describe('one item and the items linked to a control', () => {
  it('read nothing until an item is chosen, then re-read when evidence changes', async () => {
    const current = { openId: 'open-1' };
    const vaults = { 'open-1': [item('evi_1', 'Before')] };
    const api = server(vaults, current);
    const { wrapper } = withApi(api.client);
    const { result, rerender } = renderHook((id: string | null) => useEvidenceDetail(id), {
      wrapper,
      initialProps: null as string | null,
    });
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(api.count('evidence.get')).toBe(0);

    rerender('evi_1');
    await waitFor(() => expect(result.current.data?.title).toBe('Before'));
    vaults['open-1'] = [item('evi_1', 'After')];
    act(() => api.announce(changed('open-1', ['evidence'])));
    await waitFor(() => expect(result.current.data?.title).toBe('After'));
  });

  it('a control’s linked items follow the opening and its changes', async () => {
    const current = { openId: 'open-1' };
    const vaults: Record<string, Evidence[]> = {
      'open-1': [item('evi_a', 'A', ['ctl_1'])],
      'open-2': [item('evi_b', 'B', ['ctl_1'])],
    };
    const api = server(vaults, current);
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(() => useLinkedEvidence({ controlId: 'ctl_1' }), { wrapper });
    await waitFor(() => expect(result.current.data?.items.map((e) => e.id)).toEqual(['evi_a']));
    expect(api.callsOf('evidence.list')[0]!.input).toMatchObject({
      controlId: 'ctl_1',
      includeSuperseded: false,
    });

    vaults['open-1'] = [item('evi_a', 'A', ['ctl_1']), item('evi_c', 'C', ['ctl_1'])];
    act(() => api.announce(changed('open-1', ['evidence'])));
    await waitFor(() => expect(result.current.data?.items).toHaveLength(2));

    current.openId = 'open-2';
    openVault('open-2', 'vault-b');
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.data?.items.map((e) => e.id)).toEqual(['evi_b']));
  });
});

// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload, Input } from '../../../shared/api/index';
import type { AuditRequest } from '../../../shared/api/requests';
import { useRequestActions } from './request-actions';
import { PAGE_SIZE, useAllRequests, useRequestDetail, useRequestPages } from './request-queries';
import { DEFAULT_SORT, NO_FILTERS, type RequestFilters } from './table/table-query';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function request(n: number, patch: Partial<AuditRequest> = {}): AuditRequest {
  return {
    id: `req_${n}`,
    ref: `PBC-${n}`,
    description: `Request ${n}`,
    type: null,
    wave: null,
    criteria: [],
    controlIds: [],
    controlIdsViaCriteria: [],
    period: null,
    ownerId: null,
    ownerText: null,
    reviewerId: null,
    dueOn: null,
    status: 'not_started',
    submittedOn: null,
    auditorStatus: null,
    overdue: false,
    auditorColumns: [],
    extraColumns: [],
    importId: null,
    commentCount: 0,
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  } as AuditRequest;
}

/**
 * A vault's request list as `requests.list` serves it: filtered (by search), paged by cursor.
 * `vault` is read at each call, so a test can change what the server holds.
 */
function server(vault: { items: AuditRequest[]; gate?: Promise<void> }) {
  return fakeClient({
    'requests.list': async (input: Input<'requests.list'>) => {
      await vault.gate;
      const matching = vault.items.filter(
        (r) => !input.search || r.description.includes(input.search),
      );
      const start = input.cursor ? Number(input.cursor) : 0;
      const limit = input.limit ?? 50;
      const end = start + limit;
      return {
        items: matching.slice(start, end),
        nextCursor: end < matching.length ? String(end) : null,
        total: matching.length,
      };
    },
    'requests.get': ({ id }) => ({
      request: vault.items.find((r) => r.id === id)!,
      comments: [],
    }),
    'requests.update': ({ id, patch }) => {
      vault.items = vault.items.map((r) => (r.id === id ? { ...r, ...patch } : r));
      return vault.items.find((r) => r.id === id)!;
    },
  });
}

const many = (n: number, from = 1) => Array.from({ length: n }, (_, i) => request(from + i));

const changedRequests = (openId: string): EventPayload<'vault.changed'> => ({
  openId,
  path: '/v',
  reason: 'updated',
  domains: ['requests'],
});

beforeEach(() => openVault('open-1'));
afterEach(cleanup);

describe('the request table read a page at a time', () => {
  it('reads the next page with the cursor and appends it', async () => {
    const fake = server({ items: many(PAGE_SIZE + 5) });
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => useRequestPages(NO_FILTERS, DEFAULT_SORT).pages, {
      wrapper,
    });
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(1));
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    const rows = result.current.data!.pages.flatMap((p) => p.items);
    expect(rows).toHaveLength(PAGE_SIZE + 5);
    expect(rows.at(-1)!.ref).toBe(`PBC-${PAGE_SIZE + 5}`);
    expect(fake.callsOf('requests.list').at(-1)!.input).toMatchObject({
      cursor: String(PAGE_SIZE),
      limit: PAGE_SIZE,
    });
    expect(result.current.hasNextPage).toBe(false);
  });

  it('an edit shows at once, and its vault.changed re-reads the pages shown and the whole list', async () => {
    const vault = { items: many(3) };
    const fake = server(vault);
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(
      () => ({
        pages: useRequestPages(NO_FILTERS, DEFAULT_SORT).pages,
        all: useAllRequests(),
        detail: useRequestDetail('req_2'),
        actions: useRequestActions(),
      }),
      { wrapper },
    );
    await waitFor(() => {
      expect(result.current.pages.data).toBeDefined();
      expect(result.current.all.loaded).toBe(true);
      expect(result.current.detail.data).toBeDefined();
    });
    const before = fake.calls.length;

    await act(() => result.current.actions.update('req_2', { wave: '2' }));
    // The answer shows everywhere before any re-read.
    await waitFor(() => {
      expect(result.current.pages.data!.pages[0]!.items[1]!.wave).toBe('2');
      expect(result.current.all.items[1]!.wave).toBe('2');
      expect(result.current.detail.data!.request.wave).toBe('2');
    });
    expect(fake.calls.slice(before).map((c) => c.method)).toEqual(['requests.update']);

    // Someone else's change lands in the vault; its announcement re-reads exactly what is shown.
    vault.items = [...vault.items, request(4)];
    act(() => fake.announce(changedRequests('open-1')));
    await waitFor(() => expect(result.current.all.items).toHaveLength(4));
    await waitFor(() => expect(result.current.pages.data!.pages[0]!.items).toHaveLength(4));
    // One save, then one re-read of each answer shown: the table's page, the whole list, the drawer.
    expect(fake.calls.slice(before).map((c) => c.method)).toEqual([
      'requests.update',
      'requests.list',
      'requests.list',
      'requests.get',
    ]);
  });

  it('scrolling for the next page during a re-read waits for it rather than cutting it short', async () => {
    const vault: { items: AuditRequest[]; gate?: Promise<void> } = { items: many(PAGE_SIZE + 1) };
    const fake = server(vault);
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => useRequestPages(NO_FILTERS, DEFAULT_SORT), { wrapper });
    await waitFor(() => expect(result.current.pages.data?.pages).toHaveLength(1));

    // A change elsewhere: the re-read of the first page is under way when the end comes into view.
    let answer!: () => void;
    vault.gate = new Promise((resolve) => (answer = resolve));
    vault.items = vault.items.map((r) => (r.id === 'req_1' ? { ...r, wave: '9' } : r));
    act(() => fake.announce(changedRequests('open-1')));
    await waitFor(() => expect(fake.callsOf('requests.list')).toHaveLength(2));
    const more = act(() => result.current.loadMore());
    answer();
    await more;
    // The re-read landed: the first page shows the change (a cancelled one would leave it old).
    await waitFor(() => expect(result.current.pages.data!.pages[0]!.items[0]!.wave).toBe('9'));
  });

  it('another opening never shows the previous opening’s rows, even while its own are read', async () => {
    const vault: { items: AuditRequest[]; gate?: Promise<void> } = { items: many(2) };
    const fake = server(vault);
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => useRequestPages(NO_FILTERS, DEFAULT_SORT).pages, {
      wrapper,
    });
    await waitFor(() => expect(result.current.data?.pages[0]!.items).toHaveLength(2));

    let answer!: () => void;
    vault.gate = new Promise((resolve) => (answer = resolve));
    vault.items = many(1, 50);
    act(() => openVault('open-2', 'vault-2'));
    // The new opening's first page has not arrived: nothing is shown rather than old rows.
    expect(result.current.isPending).toBe(true);
    expect(result.current.data).toBeUndefined();
    answer();
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data!.pages[0]!.items.map((r) => r.ref)).toEqual(['PBC-50']);
  });

  it('a new filter keeps this opening’s rows in view until its own page arrives', async () => {
    const fake = server({ items: [request(1, { description: 'Users list' }), request(2)] });
    const { wrapper } = withApi(fake.client);
    const { result, rerender } = renderHook(
      (filters: RequestFilters) => useRequestPages(filters, DEFAULT_SORT).pages,
      { wrapper, initialProps: NO_FILTERS },
    );
    await waitFor(() => expect(result.current.data?.pages[0]!.items).toHaveLength(2));
    rerender({ ...NO_FILTERS, search: 'Users' });
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data!.pages[0]!.items).toHaveLength(2);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data!.pages[0]!.items.map((r) => r.ref)).toEqual(['PBC-1']);
    expect(fake.callsOf('requests.list').at(-1)!.input).toMatchObject({ search: 'Users' });
  });
});

// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../../shared/api/index';
import type { PeopleSortKey, Person } from '../../../shared/api/people';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import type { SortState } from '../../components/table/sort';
import { usePeople, usePeoplePages } from './people-store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const person = (name: string, team = '', archived = false): Person => ({
  id: `per_${name}`,
  name,
  email: '',
  role: '',
  team,
  archived,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});

type List = Output<'people.list'>;
const page = (items: Person[], nextCursor: string | null = null, total = items.length): List => ({
  items,
  nextCursor,
  total,
  currentPersonId: null,
});

/**
 * A server that answers by the order asked: the team's order or the name's, descending when
 * asked, two rows a page — so what the hook shows is what the server chose.
 */
function server(people: Person[]) {
  return (input: Input<'people.list'>): List => {
    const key = input.sort?.key ?? 'name';
    const dir = input.sort?.dir === 'desc' ? -1 : 1;
    const needle = input.search?.toLowerCase();
    const rows = people
      .filter((p) => input.includeArchived || !p.archived)
      .filter((p) => !needle || `${p.name} ${p.team}`.toLowerCase().includes(needle))
      .sort((a, b) => dir * a[key].localeCompare(b[key]));
    const start = input.cursor ? Number(input.cursor) : 0;
    const end = start + (input.limit ?? 100);
    return page(rows.slice(start, end), end < rows.length ? String(end) : null, rows.length);
  };
}

beforeEach(() => openVault('open-1'));
afterEach(cleanup);

describe('the People table’s rows', () => {
  it('are the server’s order for the sort asked, re-read when the sort or a person changes', async () => {
    let people = [person('Ana', 'Security'), person('Bo', 'Data'), person('Cy', 'Platform')];
    const api = fakeClient({ 'people.list': (input) => server(people)(input) });
    const { wrapper } = withApi(api.client);
    const { result, rerender } = renderHook(
      ({ sort }: { sort: SortState<PeopleSortKey> }) => usePeoplePages('', false, sort),
      { wrapper, initialProps: { sort: { key: 'name', dir: 'asc' } } },
    );
    await waitFor(() =>
      expect(result.current.rows.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Cy']),
    );
    expect(api.callsOf('people.list').at(-1)!.input).toEqual({
      includeArchived: false,
      sort: { key: 'name', dir: 'asc' },
      limit: 200,
    });

    rerender({ sort: { key: 'team', dir: 'desc' } });
    await waitFor(() =>
      expect(result.current.rows.map((p) => p.name)).toEqual(['Ana', 'Cy', 'Bo']),
    );
    expect(api.callsOf('people.list').at(-1)!.input).toMatchObject({
      sort: { key: 'team', dir: 'desc' },
    });

    // Someone added elsewhere: the change to people re-reads the rows shown.
    people = [...people, person('Di', 'Zeta')];
    act(() =>
      api.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['people'] }),
    );
    await waitFor(() =>
      expect(result.current.rows.map((p) => p.name)).toEqual(['Di', 'Ana', 'Cy', 'Bo']),
    );
    expect(result.current.total).toBe(4);
  });

  it('send a search and the archived switch to the server, and read the next page by its cursor', async () => {
    const people = [
      person('Ana', 'Security'),
      person('Bo', 'Security', true),
      person('Cy', 'Security'),
      person('Di', 'Data'),
    ];
    const api = fakeClient({
      'people.list': (input) => server(people)({ ...input, limit: 2 }),
    });
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(
      () => usePeoplePages('  secur ', true, { key: 'name', dir: 'asc' }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.rows.map((p) => p.name)).toEqual(['Ana', 'Bo']));
    expect(api.callsOf('people.list')[0]!.input).toEqual({
      includeArchived: true,
      sort: { key: 'name', dir: 'asc' },
      limit: 200,
      search: 'secur',
    });
    expect(result.current.pages.hasNextPage).toBe(true);
    await act(() => result.current.loadMore());
    await waitFor(() =>
      expect(result.current.rows.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Cy']),
    );
    expect(api.callsOf('people.list').at(-1)!.input).toMatchObject({ cursor: '2' });
    expect(result.current.pages.hasNextPage).toBe(false);
  });
});

describe('the whole directory for pickers', () => {
  it('reads every page, archived people too, in name order', async () => {
    const people = [person('Cy'), person('ana'), person('Bo', '', true)];
    const api = fakeClient({
      'people.list': (input) => server(people)({ ...input, limit: 1 }),
    });
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(() => usePeople(), { wrapper });
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.items.map((p) => p.name)).toEqual(['ana', 'Bo', 'Cy']);
    expect(api.callsOf('people.list')).toHaveLength(3);
  });
});

// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Control } from '../../../shared/api/controls';
import type { Input, Output } from '../../../shared/api/index';
import type { SelfTestSummary } from '../../../shared/api/self-tests';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import type { SortState } from '../../components/table/sort';
import { type TestingSortKey, useTestingPages, useTestsByControl } from './testing-queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const control = (ref: string, title: string): Control =>
  ({ id: `ctl_${ref}`, ref, title, frequency: 'quarterly', archived: false }) as Control;

/** A server that orders by the key asked, so the rows shown are the server's order. */
function controlsList(controls: Control[]) {
  return (input: Input<'controls.list'>): Output<'controls.list'> => {
    const key = (input.sort?.key ?? 'ref') as 'ref' | 'title';
    const dir = input.sort?.dir === 'desc' ? -1 : 1;
    const needle = input.search?.toLowerCase();
    const items = controls
      .filter((c) => !needle || `${c.ref} ${c.title}`.toLowerCase().includes(needle))
      .sort((a, b) => dir * a[key].localeCompare(b[key]));
    return { items, nextCursor: null, total: items.length };
  };
}

beforeEach(() => openVault('open-1'));
afterEach(cleanup);

describe('the Testing table’s rows', () => {
  it('are the controls in the server’s order for the sort and search asked', async () => {
    let controls = [
      control('AC-01', 'Reviews'),
      control('AC-02', 'Access'),
      control('CM-01', 'Change'),
    ];
    const api = fakeClient({ 'controls.list': (input) => controlsList(controls)(input) });
    const { wrapper } = withApi(api.client);
    const { result, rerender } = renderHook(
      ({ search, sort }: { search: string; sort: SortState<TestingSortKey> }) =>
        useTestingPages(search, sort),
      { wrapper, initialProps: { search: '', sort: { key: 'ref', dir: 'asc' } } },
    );
    await waitFor(() =>
      expect(result.current.rows.map((c) => c.ref)).toEqual(['AC-01', 'AC-02', 'CM-01']),
    );
    // Only controls in use: the archived (descoped) ones are not tested.
    expect(api.callsOf('controls.list')[0]!.input).toEqual({
      includeArchived: false,
      sort: { key: 'ref', dir: 'asc' },
      limit: 200,
    });

    rerender({ search: ' ac ', sort: { key: 'title', dir: 'asc' } });
    await waitFor(() => expect(result.current.rows.map((c) => c.ref)).toEqual(['AC-02', 'AC-01']));
    expect(api.callsOf('controls.list').at(-1)!.input).toEqual({
      includeArchived: false,
      sort: { key: 'title', dir: 'asc' },
      limit: 200,
      search: 'ac',
    });

    // A control renamed elsewhere: the change to controls re-reads the rows shown.
    controls = controls.map((c) => (c.ref === 'AC-01' ? { ...c, title: 'Access keys' } : c));
    act(() =>
      api.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['controls'] }),
    );
    await waitFor(() =>
      expect(result.current.rows.map((c) => c.title)).toEqual(['Access', 'Access keys']),
    );
  });
});

describe('each row’s tests', () => {
  it('group the vault’s self-tests by control, oldest first, re-read when tests change', async () => {
    const test = (id: string, controlId: string) => ({ id, controlId }) as SelfTestSummary;
    let tests = [test('stt_1', 'ctl_a'), test('stt_2', 'ctl_b'), test('stt_3', 'ctl_a')];
    const api = fakeClient({ 'selfTests.list': () => tests });
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(() => useTestsByControl(), { wrapper });
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.byControl.get('ctl_a')!.map((t) => t.id)).toEqual(['stt_1', 'stt_3']);
    tests = [...tests, test('stt_4', 'ctl_b')];
    act(() =>
      api.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['selfTests'] }),
    );
    await waitFor(() => expect(result.current.byControl.get('ctl_b')).toHaveLength(2));
  });
});

// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { closeVault, fakeTransportClient, openVault } from '../../api/testing/fake-client';
import { useCreateControl } from './control-actions';
import { useScopeControls, useScopeCriteria } from './scope-queries';

interface Row {
  id: string;
  ref: string;
  archived: boolean;
}

/** A vault's controls, with `controls.create` adding one as Attest does. */
function fakeScope(vaults: Record<string, Row[]>) {
  return fakeTransportClient((method, input, openId) => {
    const controls = vaults[openId]!;
    if (method === 'controls.list') return { items: controls, nextCursor: null };
    if (method === 'criteria.list') return { items: [{ id: 'CC1.1' }] };
    if (method === 'controls.create') {
      const created = { id: 'new', ref: 'CUS-01', archived: false, ...(input as object) };
      controls.push(created);
      return created;
    }
    throw new Error(`no fake for ${method}`);
  });
}

afterEach(closeVault);

describe('the Scope screens through the query cache', () => {
  it('a control just created is in the list at once, before the change re-reads it', async () => {
    const api = fakeScope({ 'open-1': [{ id: 'c1', ref: 'AC-01', archived: false }] });
    openVault('open-1');
    const { result } = renderHook(
      () => ({ list: useScopeControls(), create: useCreateControl() }),
      { wrapper: api.wrapper },
    );
    await waitFor(() => expect(result.current.list.loaded).toBe(true));
    api.calls.length = 0;

    await act(async () => {
      await result.current.create({ title: 'Board briefing', criteria: ['CC1.1'] } as never);
    });
    // The drawer opened on it finds it: no read was needed for that.
    await waitFor(() =>
      expect(result.current.list.controls.map((c) => c.ref)).toEqual(['AC-01', 'CUS-01']),
    );
    expect(api.calls).toEqual(['controls.create']);

    // Then the change's announcement re-reads the list once.
    api.changed(['controls', 'criteria']);
    await waitFor(() => expect(api.calls).toEqual(['controls.create', 'controls.list']));
    expect(result.current.list.controls.map((c) => c.ref)).toEqual(['AC-01', 'CUS-01']);
    api.stop();
  });

  it('criteria are re-read once when a criterion changes, not for a change to the description', async () => {
    const api = fakeScope({ 'open-1': [] });
    openVault('open-1');
    const { result } = renderHook(() => ({ c: useScopeCriteria(), k: useScopeControls() }), {
      wrapper: api.wrapper,
    });
    await waitFor(() => expect(result.current.c.loaded && result.current.k.loaded).toBe(true));
    api.calls.length = 0;
    api.changed(['criteria']);
    await waitFor(() => expect(api.calls).toContain('criteria.list'));
    expect(api.calls.filter((m) => m === 'criteria.list')).toHaveLength(1);
    api.changed(['sd']);
    expect(api.calls.filter((m) => m === 'criteria.list')).toHaveLength(1);
    api.stop();
  });

  it('another opening shows none of the previous vault’s controls while its own load', async () => {
    const api = fakeScope({
      'open-1': [{ id: 'c1', ref: 'OLD-01', archived: false }],
      'open-2': [{ id: 'd1', ref: 'NEW-01', archived: false }],
    });
    openVault('open-1');
    const { result } = renderHook(() => useScopeControls(), { wrapper: api.wrapper });
    await waitFor(() => expect(result.current.controls.map((c) => c.ref)).toEqual(['OLD-01']));
    const release = api.hold();
    openVault('open-2');
    expect(result.current).toEqual({ controls: [], loaded: false });
    release();
    await waitFor(() => expect(result.current.controls.map((c) => c.ref)).toEqual(['NEW-01']));
    api.stop();
  });
});

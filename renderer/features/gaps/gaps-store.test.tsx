// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useScopeControls } from '../scope/scope-queries';
import { closeVault, fakeTransportClient, openVault } from '../../api/testing/fake-client';
import { useCoverage, useGaps } from './gaps-store';

/** What the fake vault holds, per opening: the tests change it as an edit would. */
interface FakeVault {
  controls: { id: string; ref: string; archived: boolean }[];
  assessed: string[];
}

/** Answers from `vaults[openId]`, as a vault would. */
function fakeClient(vaults: Record<string, FakeVault>) {
  return fakeTransportClient((method, _input, openId) => {
    const v = vaults[openId]!;
    switch (method) {
      case 'controls.list':
        return { items: v.controls, nextCursor: null };
      case 'criteria.list':
        return { items: [{ id: 'CC1.1', controlIds: v.controls.map((c) => c.id) }] };
      case 'assessments.list':
        return {
          items: v.assessed.map((controlId) => ({ controlId, status: 'implemented' })),
          summary: { controls: v.controls.length, assessed: v.assessed.length },
        };
      case 'coverage.get':
        return { criteria: [], gaps: [] };
      default:
        throw new Error(`no fake for ${method}`);
    }
  });
}

const open = openVault;

const control = (id: string, ref: string, archived = false) => ({ id, ref, archived });

afterEach(closeVault);

describe('the gap analysis through the query cache', () => {
  it('reads the active controls, their assessments and the counts once', async () => {
    const api = fakeClient({
      'open-1': {
        controls: [control('c1', 'AC-01'), control('c2', 'AC-02'), control('c3', 'AC-03', true)],
        assessed: ['c1'],
      },
    });
    open('open-1');
    const { result } = renderHook(() => useGaps(), { wrapper: api.wrapper });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.controls.map((c) => c.ref)).toEqual(['AC-01', 'AC-02']);
    expect(Object.keys(result.current.assessments)).toEqual(['c1']);
    expect(result.current.summary).toEqual({ controls: 3, assessed: 1 });
    expect([...api.calls].sort()).toEqual(['assessments.list', 'controls.list', 'criteria.list']);
    api.stop();
  });

  it('an assessment saved re-reads the assessments, and not the controls or criteria', async () => {
    const vault: FakeVault = {
      controls: [control('c1', 'AC-01'), control('c2', 'AC-02')],
      assessed: [],
    };
    const api = fakeClient({ 'open-1': vault });
    open('open-1');
    const { result } = renderHook(() => useGaps((s) => s.summary), { wrapper: api.wrapper });
    await waitFor(() => expect(result.current).toEqual({ controls: 2, assessed: 0 }));
    api.calls.length = 0;

    vault.assessed = ['c2'];
    api.changed(['assessments']);
    await waitFor(() => expect(result.current).toEqual({ controls: 2, assessed: 1 }));
    expect(api.calls).toEqual(['assessments.list']);
    api.stop();
  });

  it('a control edit re-reads each shown answer that reads controls once; coverage not shown is not read', async () => {
    const vault: FakeVault = { controls: [control('c1', 'AC-01')], assessed: [] };
    const api = fakeClient({ 'open-1': vault });
    open('open-1');
    const { result } = renderHook(() => ({ gaps: useGaps(), scope: useScopeControls() }), {
      wrapper: api.wrapper,
    });
    await waitFor(() => expect(result.current.gaps.status).toBe('ready'));
    api.calls.length = 0;

    vault.controls = [control('c1', 'AC-01a')];
    api.changed(['controls', 'criteria']);
    await waitFor(() => expect(result.current.scope.controls[0]?.ref).toBe('AC-01a'));
    await waitFor(() => expect(api.calls).toHaveLength(3));
    // The Scope screens and the gap analysis share one read of the controls.
    expect([...api.calls].sort()).toEqual(['assessments.list', 'controls.list', 'criteria.list']);
    expect(result.current.gaps.controls[0]?.ref).toBe('AC-01a');
    api.stop();
  });

  it('coverage is read only where it is shown, and re-read when a risk changes', async () => {
    const api = fakeClient({ 'open-1': { controls: [], assessed: [] } });
    open('open-1');
    const { result } = renderHook(() => useCoverage(), { wrapper: api.wrapper });
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(api.calls).toEqual(['coverage.get']);
    api.changed(['risks']);
    await waitFor(() => expect(api.calls).toEqual(['coverage.get', 'coverage.get']));
    api.stop();
  });

  it('another opening never shows the previous vault’s controls, even while it loads', async () => {
    const api = fakeClient({
      'open-1': { controls: [control('c1', 'OLD-01')], assessed: ['c1'] },
      'open-2': { controls: [control('d1', 'NEW-01')], assessed: [] },
    });
    open('open-1');
    const { result } = renderHook(() => useGaps(), { wrapper: api.wrapper });
    await waitFor(() => expect(result.current.controls.map((c) => c.ref)).toEqual(['OLD-01']));

    const release = api.hold();
    open('open-2');
    // While the new vault's answers are on their way: nothing, not the old rows.
    expect(result.current.status).toBe('loading');
    expect(result.current.controls).toEqual([]);
    expect(result.current.assessments).toEqual({});
    release();
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.controls.map((c) => c.ref)).toEqual(['NEW-01']);
    expect(result.current.assessments).toEqual({});
    api.stop();
  });
});

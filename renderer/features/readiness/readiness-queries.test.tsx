// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload, Input, Output } from '../../../shared/api/index';
import { readsOf } from '../../api/queries';
import { closeVault, fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import { useComparison, useFreeze, useReadiness, useSnapshots } from './readiness-queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Review = Output<'readiness.get'>;
type Snapshot = Output<'readiness.snapshots'>['items'][number];

// Only the parts these hooks hand on: the page reads the rest from the same answer.
const review = (percentPassing: number): Review =>
  ({
    evaluatedOn: '2026-05-15',
    blocked: false,
    findings: [],
    percentPassing,
  }) as unknown as Review;
const snapshot = (ref: string): Snapshot => ({ id: `rvw_${ref}`, ref }) as unknown as Snapshot;

/** What each opening's vault answers (read at every call: a test changes it). */
function server(
  vaults: Record<string, { percent: number; frozen: string[] }>,
  at: { openId: string },
) {
  return fakeClient({
    'readiness.get': () => review(vaults[at.openId]!.percent),
    'readiness.snapshots': () => ({ items: vaults[at.openId]!.frozen.map(snapshot) }),
    'readiness.compare': (input: Input<'readiness.compare'>) =>
      ({
        from: { id: input.fromId },
        to: { id: input.toId ?? 'current' },
      }) as Output<'readiness.compare'>,
    'readiness.freeze': () => {
      vaults[at.openId]!.frozen.unshift(`R-${vaults[at.openId]!.frozen.length + 1}`);
      return snapshot('R-new') as unknown as Output<'readiness.freeze'>;
    },
  });
}

const changed = (openId: string, domains: EventPayload<'vault.changed'>['domains']) =>
  ({ openId, path: '/v', reason: 'updated', domains }) as EventPayload<'vault.changed'>;
const quiet = () => act(() => new Promise((r) => setTimeout(r, 20)));

const usePage = () => ({ review: useReadiness(), frozen: useSnapshots() });

beforeEach(() => openVault('open-1', 'vault-a'));
afterEach(() => {
  cleanup();
  closeVault();
});

describe('the readiness page’s reads', () => {
  it('read the review once for every part of the page, again only when what it reads changes', async () => {
    const at = { openId: 'open-1' };
    const vaults = { 'open-1': { percent: 40, frozen: ['R-1'] } };
    const api = server(vaults, at);
    const { wrapper } = withApi(api.client);
    // Three cards of the page, each asking for the review: one call.
    const { result } = renderHook(
      () => ({ a: useReadiness(), b: useReadiness(), c: useReadiness(), frozen: useSnapshots() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.c.data?.percentPassing).toBe(40));
    await waitFor(() => expect(result.current.frozen.data?.items).toHaveLength(1));
    expect(api.count('readiness.get')).toBe(1);

    // An assessment changes the review, not the frozen ones.
    vaults['open-1'].percent = 55;
    act(() => api.announce(changed('open-1', ['assessments'])));
    await waitFor(() => expect(result.current.a.data?.percentPassing).toBe(55));
    expect(api.count('readiness.get')).toBe(2);
    expect(api.count('readiness.snapshots')).toBe(1);

    // Freezing one adds a frozen review; today's review is unchanged by it.
    act(() => api.announce(changed('open-1', ['reviews'])));
    await waitFor(() => expect(api.count('readiness.snapshots')).toBe(2));
    expect(api.count('readiness.get')).toBe(2);

    // Outside what the review reads (the auditor's requests), or another opening: nothing.
    act(() => api.announce(changed('open-1', ['requests'])));
    act(() => api.announce(changed('open-0', ['assessments', 'reviews'])));
    await quiet();
    expect(api.count('readiness.get')).toBe(2);
    expect(api.count('readiness.snapshots')).toBe(2);
  });

  it('never show another vault’s review or frozen reviews after a switch', async () => {
    const at = { openId: 'open-1' };
    const api = server(
      { 'open-1': { percent: 90, frozen: ['R-1', 'R-2'] }, 'open-2': { percent: 10, frozen: [] } },
      at,
    );
    const { wrapper } = withApi(api.client);
    const seen: (number | undefined)[] = [];
    const { result } = renderHook(
      () => {
        const page = usePage();
        seen.push(page.review.data?.percentPassing);
        return page;
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.review.data?.percentPassing).toBe(90));
    await waitFor(() => expect(result.current.frozen.data?.items).toHaveLength(2));

    seen.length = 0;
    at.openId = 'open-2';
    openVault('open-2', 'vault-b');
    expect(result.current.review.data).toBeUndefined();
    expect(result.current.frozen.data).toBeUndefined();
    await waitFor(() => expect(result.current.review.data?.percentPassing).toBe(10));
    await waitFor(() => expect(result.current.frozen.data?.items).toEqual([]));
    expect(seen).not.toContain(90);
  });

  it('compare only once asked, and freeze through the API (the list follows from its change)', async () => {
    const at = { openId: 'open-1' };
    const api = server({ 'open-1': { percent: 50, frozen: ['R-1'] } }, at);
    const { wrapper } = withApi(api.client);
    const { result, rerender } = renderHook(
      (input: Input<'readiness.compare'> | null) => ({
        comparison: useComparison(input),
        freeze: useFreeze(),
        frozen: useSnapshots(),
      }),
      { wrapper, initialProps: null as Input<'readiness.compare'> | null },
    );
    await waitFor(() => expect(result.current.frozen.data?.items).toHaveLength(1));
    await quiet();
    // Comparing evaluates the review again on the server: not before it is asked for.
    expect(api.count('readiness.compare')).toBe(0);

    rerender({ fromId: 'rvw_R-1' });
    await waitFor(() => expect(result.current.comparison.data?.to.id).toBe('current'));
    expect(api.callsOf('readiness.compare').map((c) => c.input)).toEqual([{ fromId: 'rvw_R-1' }]);

    await act(() => result.current.freeze({ signedOffById: 'per_1', comment: '' }));
    expect(api.count('readiness.freeze')).toBe(1);
    act(() => api.announce(changed('open-1', ['reviews'])));
    await waitFor(() => expect(result.current.frozen.data?.items).toHaveLength(2));
  });

  it('the review is re-read for every change a finding can come from', () => {
    // What the rules read: a change to any of these can add or clear a finding.
    expect(readsOf('readiness.get')).toEqual(
      expect.arrayContaining([
        'controls',
        'assessments',
        'evidence',
        'policies',
        'people',
        'tasks',
      ]),
    );
    expect(readsOf('readiness.snapshots')).toContain('reviews');
  });
});

// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/api/index';
import type { Risk, StarterRisk } from '../../../shared/api/risks';
import { useVault } from '../vault/store';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import { useRiskActions, useRisks } from './risk-queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const risk = (id: string, title: string, archived = false): Risk => ({
  id,
  title,
  description: '',
  category: 'security',
  likelihood: 4,
  impact: 4,
  inherentScore: 16,
  treatment: 'mitigate',
  residualLikelihood: 2,
  residualImpact: 4,
  residualScore: 8,
  ownerId: null,
  controlIds: [],
  reviewOn: null,
  acceptedById: null,
  acceptedOn: null,
  starterKey: null,
  archived,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});

const starter = (key: string): StarterRisk => ({
  key,
  title: `Starter ${key}`,
  description: '',
  category: 'security',
  likelihood: 3,
  impact: 3,
  controlRefs: [],
});

/** One vault's register as Attest would answer `risks.list` (every page at once). */
function register(
  items: Risk[],
  starters: StarterRisk[] = [],
  assessedOn: string | null = null,
): Output<'risks.list'> {
  return { items, nextCursor: null, starters, assessedOn } as Output<'risks.list'>;
}

afterEach(() => useVault.setState({ status: 'closed', app: null }));

describe('the risk register read through the query cache', () => {
  it('an edit is shown at once, and the change it announces re-reads the register', async () => {
    const stored = [risk('rsk_1', 'Laptop stolen')];
    const fake = fakeClient({
      'risks.list': () => register(stored.map((r) => ({ ...r }))),
      'risks.update': ({ id, patch }) => {
        const i = stored.findIndex((r) => r.id === id);
        stored[i] = { ...stored[i]!, ...patch } as Risk;
        return stored[i]!;
      },
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => ({ view: useRisks(), act: useRiskActions() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.view.loaded).toBe(true));
    expect(result.current.view.risks.map((r) => r.title)).toEqual(['Laptop stolen']);

    await act(() => result.current.act.update('rsk_1', { title: 'Laptop stolen from a car' }));
    // The answer is in the register without a re-read (the cache tells its readers a tick later).
    await waitFor(() =>
      expect(result.current.view.risks.map((r) => r.title)).toEqual(['Laptop stolen from a car']),
    );
    expect(fake.count('risks.list')).toBe(1);

    // Someone else (another window) adds a risk: the announced change re-reads the register.
    stored.push(risk('rsk_2', 'Vendor breach'));
    act(() =>
      fake.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['risks'] }),
    );
    await waitFor(() => expect(result.current.view.risks).toHaveLength(2));
    expect(fake.count('risks.list')).toBe(2);

    // A change to something the register does not read leaves it alone.
    act(() =>
      fake.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['requests'] }),
    );
    expect(fake.count('risks.list')).toBe(2);
  });

  it('another opening never shows the previous opening’s risks', async () => {
    let answer = register([risk('rsk_a', 'From vault A')], [starter('a')], '2026-01-02');
    const fake = fakeClient({ 'risks.list': () => answer });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const seen: string[][] = [];
    const { result } = renderHook(
      () => {
        const view = useRisks();
        seen.push(view.risks.map((r) => r.title));
        return view;
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.risks.map((r) => r.title)).toEqual(['From vault A']));

    answer = register([risk('rsk_b', 'From vault B')]);
    seen.length = 0;
    act(() => openVault('open-2'));
    // At once, before vault B answered: nothing of vault A (its starters and date neither).
    expect(result.current).toMatchObject({
      loaded: false,
      risks: [],
      starters: [],
      assessedOn: null,
    });
    await waitFor(() => expect(result.current.risks.map((r) => r.title)).toEqual(['From vault B']));
    expect(seen.flat()).not.toContain('From vault A');
  });

  it('a starter decided leaves the suggestions at once; archive and restore move the row', async () => {
    const fake = fakeClient({
      'risks.list': () =>
        register([risk('rsk_1', 'Laptop stolen')], [starter('s1'), starter('s2')]),
      'risks.decideStarter': ({ key }) => ({ risk: risk(`rsk_${key}`, `Starter ${key}`) }),
      'risks.archive': ({ id, archived }) => risk(id, 'Laptop stolen', archived),
      'risks.setAssessedOn': ({ date }) => ({ assessedOn: date }),
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => ({ view: useRisks(), act: useRiskActions() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.view.loaded).toBe(true));

    const view = () => result.current.view;

    await act(() => result.current.act.decideStarter('s1', true));
    await waitFor(() => expect(view().starters.map((s) => s.key)).toEqual(['s2']));
    expect(view().risks.map((r) => r.id)).toEqual(['rsk_1', 'rsk_s1']);

    await act(() => result.current.act.archive('rsk_1'));
    await waitFor(() => expect(view().archived.map((r) => r.id)).toEqual(['rsk_1']));
    expect(view().risks.map((r) => r.id)).toEqual(['rsk_s1']);

    await act(() => result.current.act.restore('rsk_1'));
    await waitFor(() => expect(view().archived).toEqual([]));
    expect(view().risks.map((r) => r.id)).toContain('rsk_1');

    await act(() => result.current.act.setAssessedOn('2026-11-30'));
    await waitFor(() => expect(view().assessedOn).toBe('2026-11-30'));
    // All of it from the answers: the register was read once.
    expect(fake.count('risks.list')).toBe(1);
  });

  it('a refused edit changes nothing shown and says why', async () => {
    const fake = fakeClient({
      'risks.list': () => register([risk('rsk_1', 'Laptop stolen')]),
      'risks.update': () => {
        throw new Error('The residual likelihood cannot be higher than the inherent one.');
      },
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => ({ view: useRisks(), act: useRiskActions() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.view.loaded).toBe(true));
    await expect(
      act(() => result.current.act.update('rsk_1', { residualLikelihood: 5 })),
    ).rejects.toThrow(/cannot be higher/);
    expect(result.current.view.risks[0]!.residualLikelihood).toBe(2);
  });
});

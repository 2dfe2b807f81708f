// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/api/index';
import type { Policy } from '../../../shared/api/policies';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import { useAckGaps, useFindingsByPolicy, usePolicies, usePolicyPages } from './policy-queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Missing = Output<'policies.missingAcks'>;
type Person = Missing['people'][number];

const policy = (id: string, inForce: boolean): Policy =>
  ({ id, title: id, inForceVersionId: inForce ? `pov_${id}` : null }) as Policy;

const person = (name: string, state: Person['state']): Person => ({
  personId: `per_${name}`,
  name,
  email: '',
  dueOn: '2026-05-01',
  acknowledgedOn: state === 'late' ? '2026-05-10' : null,
  state,
});

beforeEach(() => openVault('open-1'));
afterEach(cleanup);

describe('the policy list’s acknowledgement gaps', () => {
  it('count, per policy in force, only the people overdue — not those still within their days or late', async () => {
    const server = {
      people: [person('Ada', 'overdue'), person('Bob', 'due'), person('Cy', 'late')],
    };
    const api = fakeClient({
      'policies.missingAcks': ({ policyId }) =>
        ({
          version: null,
          asOf: '2026-05-15',
          people: policyId === 'pol_a' ? server.people : [],
        }) as Missing,
    });
    const { wrapper } = withApi(api.client);
    const policies = [policy('pol_a', true), policy('pol_b', true), policy('pol_c', false)];
    const { result } = renderHook(() => useAckGaps(policies), { wrapper });
    await waitFor(() => expect(result.current.size).toBe(2));
    expect(Object.fromEntries(result.current)).toEqual({ pol_a: 1, pol_b: 0 });
    // No read for a policy with nothing in force.
    expect(api.callsOf('policies.missingAcks').map((c) => c.input)).toEqual([
      { policyId: 'pol_a' },
      { policyId: 'pol_b' },
    ]);

    // Someone added to People changes who is overdue: re-read when people change.
    server.people = [...server.people, person('Dee', 'overdue')];
    act(() =>
      api.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['people'] }),
    );
    await waitFor(() => expect(result.current.get('pol_a')).toBe(2));
  });
});

describe('the policy list’s consistency warnings', () => {
  it('group the vault’s findings by policy', async () => {
    const finding = (policyId: string, controlRef: string) => ({
      policyId,
      policyTitle: policyId,
      promiseId: 'prm',
      promiseText: 'Access is reviewed every quarter',
      controlId: `ctl_${controlRef}`,
      controlRef,
      promised: 'quarterly' as const,
      actual: 'annual' as const,
      fix: 'Set it to quarterly',
    });
    const api = fakeClient({
      'policies.consistency': () => ({
        findings: [
          finding('pol_a', 'AC-06'),
          finding('pol_a', 'AC-07'),
          finding('pol_b', 'CHG-01'),
        ],
        deadlines: [],
      }),
    });
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(() => useFindingsByPolicy(), { wrapper });
    await waitFor(() => expect(result.current.size).toBe(2));
    expect(result.current.get('pol_a')!.map((f) => f.controlRef)).toEqual(['AC-06', 'AC-07']);
    expect(result.current.get('pol_b')!.map((f) => f.controlRef)).toEqual(['CHG-01']);
  });
});

describe('the policy library', () => {
  const list = (items: Policy[], nextCursor: string | null) =>
    ({ items, nextCursor, total: 3 }) as Output<'policies.list'>;

  it('reads every page for the screens that look policies up', async () => {
    const api = fakeClient({
      'policies.list': ({ cursor }) =>
        cursor
          ? list([policy('pol_c', false)], null)
          : list([policy('pol_a', true), policy('pol_b', false)], 'c1'),
    });
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(() => usePolicies(true), { wrapper });
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(result.current.items.map((p) => p.id)).toEqual(['pol_a', 'pol_b', 'pol_c']);
    expect(api.callsOf('policies.list').map((c) => c.input)).toEqual([
      { includeArchived: true, limit: 1000, cursor: undefined },
      { includeArchived: true, limit: 1000, cursor: 'c1' },
    ]);
  });

  it('gives the table the server’s page for its search, switch and sort', async () => {
    const api = fakeClient({ 'policies.list': () => list([policy('pol_b', false)], null) });
    const { wrapper } = withApi(api.client);
    const { result } = renderHook(
      () => usePolicyPages(' back ', false, { key: 'nextReview', dir: 'desc' }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.rows.map((p) => p.id)).toEqual(['pol_b']));
    expect(result.current.total).toBe(3);
    expect(api.callsOf('policies.list')[0]!.input).toEqual({
      includeArchived: false,
      sort: { key: 'nextReview', dir: 'desc' },
      limit: 200,
      search: 'back',
    });
  });
});

// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { cleanNotifications, notificationsStore } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/api/vault';
import type { Witness, WitnessStatus } from '../../../shared/api/witness';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import { useRunVerify, useVerify } from './verify-job';
import { VERIFY_TOAST } from './verify-toast';
import { useAcceptWitness, useWitness } from './witness-queries';

function witness(status: WitnessStatus, seq = 7): Witness {
  return {
    status,
    message: `The chain is ${status}.`,
    head: { seq, hash: 'a'.repeat(64) },
    latest: null,
    matched: null,
    entriesBehind: null,
    entriesSince: null,
    file: '/home/witness/v.jsonl',
  };
}

function report(verdict: Witness): VerifyReport {
  return {
    ok: true,
    checkedAt: '2026-12-03T10:00:00.000Z',
    checked: { auditEntries: 7, rows: 3, blobs: 0, blobBytes: 0 },
    problems: [],
    witness: verdict,
  };
}

beforeEach(() => openVault('open-1'));
afterEach(() => {
  cleanup();
  cleanNotifications();
});

/** The verify toast as the window would show it now, if it shows. */
const toast = () =>
  notificationsStore.getState().notifications.find((n) => n.id === VERIFY_TOAST) ?? null;

/** A verify job the test finishes when it chooses. */
function heldVerify() {
  let finish: (r: VerifyReport) => void = () => {};
  const done = new Promise<VerifyReport>((resolve) => (finish = resolve));
  const fake = fakeClient(
    { 'vault.witness': () => witness('behind') },
    { 'vault.verify': () => done },
  );
  return { fake, finish };
}

describe('what the witness says about the open vault', () => {
  it('is re-read when a change extends the vault’s audit chain', async () => {
    let verdict = witness('behind');
    const fake = fakeClient({ 'vault.witness': () => verdict });
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => useWitness(), { wrapper });
    await waitFor(() => expect(result.current?.status).toBe('behind'));

    verdict = witness('diverged', 8);
    act(() =>
      fake.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['requests'] }),
    );
    await waitFor(() => expect(result.current?.status).toBe('diverged'));
    expect(fake.callsOf('vault.witness')).toHaveLength(2);
  });

  it('accepting shows the new baseline’s verdict at once', async () => {
    const fake = fakeClient({
      'vault.witness': () => witness('diverged'),
      'vault.acceptWitness': () => witness('sound'),
    });
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => ({ verdict: useWitness(), accept: useAcceptWitness() }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.verdict?.status).toBe('diverged'));
    await act(() => result.current.accept());
    await waitFor(() => expect(result.current.verdict?.status).toBe('sound'));
    expect(fake.callsOf('vault.witness')).toHaveLength(1);
  });
});

describe('Verify vault', () => {
  it('shows its report, and the verdict it carries, only for the opening it checked', async () => {
    const fake = fakeClient(
      { 'vault.witness': () => witness('behind') },
      {
        'vault.verify': (_input, onProgress) => {
          onProgress?.({ filesDone: 0, filesTotal: 1 } as never);
          return report(witness('sound', 9));
        },
      },
    );
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(
      () => ({ verify: useVerify(), run: useRunVerify(), verdict: useWitness() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.verdict?.status).toBe('behind'));

    act(() => result.current.run());
    await waitFor(() => expect(result.current.verify.report?.ok).toBe(true));
    expect(result.current.verify.running).toBe(false);
    expect(result.current.verdict).toMatchObject({ status: 'sound', head: { seq: 9 } });

    // The same vault restored from a backup opens anew: the report was about the file it replaced.
    act(() => openVault('open-2'));
    expect(result.current.verify.report).toBeNull();
    expect(fake.callsOf('vault.verify')).toHaveLength(1);
  });

  it('says where the user is that it runs, then gives its verdict', async () => {
    const { fake, finish } = heldVerify();
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => ({ verify: useVerify(), run: useRunVerify() }), {
      wrapper,
    });

    act(() => result.current.run());
    expect(toast()).toMatchObject({ title: 'Verifying the vault…', loading: true });

    await act(async () => finish(report(witness('sound', 9))));
    await waitFor(() => expect(result.current.verify.running).toBe(false));
    expect(toast()).toMatchObject({ title: 'The vault is sound', loading: false });
  });

  it('gives no verdict about a vault that is no longer the one open', async () => {
    const { fake, finish } = heldVerify();
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(() => ({ verify: useVerify(), run: useRunVerify() }), {
      wrapper,
    });

    act(() => result.current.run());
    expect(toast()).not.toBeNull();
    act(() => openVault('open-2'));
    await act(async () => finish(report(witness('sound', 9))));
    await waitFor(() => expect(toast()).toBeNull());
    expect(result.current.verify.report).toBeNull();
  });
});

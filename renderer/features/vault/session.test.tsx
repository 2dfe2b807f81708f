// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from './store';
import type { VaultInfo } from '../../../shared/api/vault';
import { fakeClient, withApi } from '../../api/testing/fake-client';
import { vaultSession } from './session';
import { useVault } from './store';
import { useRecentVaults, useVaultInfo } from './vault-info';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => useVault.setState({ status: 'starting', app: null }));

const info = (name: string): VaultInfo =>
  ({ vaultId: name, path: `/vaults/${name}.attest`, engagement: { name } }) as VaultInfo;

/** A server with vault files by name; each open is a new opening with its own id. */
function server() {
  let open: string | null = null;
  let openings = 0;
  let openId: string | null = null;
  const recent: { path: string; name: string; openedAt: string }[] = [];
  const fake = fakeClient({
    'app.info': () => ({ openVault: open ? `/vaults/${open}.attest` : null, openId }) as AppInfo,
    'vault.open': ({ file }) => {
      open = file.replace(/^\/vaults\/|\.attest$/g, '');
      openId = `open-${++openings}`;
      recent.unshift({ path: file, name: open, openedAt: '2026-12-04T10:00:00.000Z' });
      return info(open);
    },
    'vault.info': () => info(open!),
    'vault.close': () => {
      open = null;
      openId = null;
      return { closed: true } as never;
    },
    'vault.recent': () => ({ items: [...recent] }),
  });
  return { fake, ...withApi(fake.client) };
}

describe('the window follows one opening of a vault at a time', () => {
  it('shows the opened vault at once, and never the previous one after a switch', async () => {
    const { fake, queries, wrapper } = server();
    const session = vaultSession(fake.client, queries);
    const seen: (string | undefined)[] = [];
    renderHook(
      () => {
        const name = useVaultInfo((i) => i.engagement.name);
        seen.push(name);
        return name;
      },
      { wrapper },
    );

    await act(() => session.open('/vaults/acme.attest'));
    expect(useVault.getState().status).toBe('open');
    expect(seen.at(-1)).toBe('acme');
    // The open's answer was put in the cache: no second read of the info.
    expect(fake.count('vault.info')).toBe(0);

    await act(() => session.open('/vaults/globex.attest'));
    expect(seen.at(-1)).toBe('globex');
    const afterSwitch = seen.slice(seen.lastIndexOf('acme') + 1);
    expect(afterSwitch.every((n) => n === 'globex')).toBe(true);
  });

  it('closing shows no vault, and the recent list is read again', async () => {
    const { fake, queries, wrapper } = server();
    const session = vaultSession(fake.client, queries);
    const { result } = renderHook(() => useRecentVaults(), { wrapper });
    await waitFor(() => expect(fake.count('vault.recent')).toBe(1));
    await act(() => session.open('/vaults/acme.attest'));
    await act(() => session.close());
    expect(useVault.getState().status).toBe('closed');
    await waitFor(() => expect(result.current.map((r) => r.name)).toEqual(['acme']));
  });

  it('an answer that started before a newer open does not close the vault opened since', async () => {
    const { fake, queries } = server();
    const session = vaultSession(fake.client, queries);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const call = fake.client.call.bind(fake.client);
    let first = true;
    fake.client.call = (async (method: string, input: never) => {
      const answer = await call(method as 'app.info', input);
      // The first "where do we stand" answer says "no vault", and arrives late.
      if (method === 'app.info' && first) {
        first = false;
        await slow;
      }
      return answer;
    }) as typeof fake.client.call;

    const sync = session.sync(); // reads "no vault" first, then waits
    await act(() => session.open('/vaults/acme.attest'));
    release();
    await act(() => sync);
    expect(useVault.getState().status).toBe('open');
    expect(useVault.getState().app?.openId).toBe('open-1');
  });

  it('another window closing the vault closes it here', async () => {
    const { fake, queries } = server();
    const session = vaultSession(fake.client, queries);
    await act(() => session.open('/vaults/acme.attest'));
    await fake.client.call('vault.close', {});
    await act(() =>
      session.onChanged({ openId: null, path: null, reason: 'closed', domains: ['vault'] }),
    );
    expect(useVault.getState().status).toBe('closed');
  });

  it('a vault opened over this one elsewhere never shows "no vault" in between', async () => {
    const { fake, queries } = server();
    const session = vaultSession(fake.client, queries);
    await act(() => session.open('/vaults/acme.attest'));
    const statuses: string[] = [];
    const unsubscribe = useVault.subscribe((s) => statuses.push(s.status));
    // The server closes the first and opens the second, and announces both, one after the other.
    await fake.client.call('vault.open', { file: '/vaults/globex.attest' });
    const closed = session.onChanged({ openId: null, path: null, reason: 'closed', domains: [] });
    const opened = session.onChanged({
      openId: 'open-2',
      path: '/vaults/globex.attest',
      reason: 'opened',
      domains: [],
    });
    await act(() => Promise.all([closed, opened]));
    unsubscribe();
    expect(statuses).not.toContain('closed');
    expect(useVault.getState().status).toBe('open');
    expect(useVault.getState().app?.openId).toBe('open-2');
  });
});

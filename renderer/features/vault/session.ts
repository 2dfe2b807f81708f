import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EventPayload } from '../../../shared/api/events';
import type { Input } from '../../../shared/api/index';
import type { VaultInfo } from '../../../shared/api/vault';
import type { ApiClient } from '../../api';
import { useApi } from '../../api/provider';
import { useVault } from './store';
import { reloadRecentVaults, seedVaultInfo, setRecentVaults } from './vault-info';

/**
 * Every change of the open vault bumps this; a read that started before a newer change does
 * not overwrite it (an old "no vault" answer must not close a vault opened since).
 */
let generation = 0;

/** Moves the window from one opening of a vault to the next, with the app's client and cache. */
export interface VaultSessionActions {
  /** Re-reads which vault is open (at start, after missed events); a newer change always wins. */
  sync(): Promise<void>;
  create(input: Input<'vault.create'>): Promise<VaultInfo>;
  open(file: string): Promise<VaultInfo>;
  close(): Promise<void>;
  forgetRecent(path: string): Promise<void>;
  /** Another window or the server changed which vault is open. */
  onChanged(change: EventPayload<'vault.changed'>): Promise<void>;
}

export function vaultSession(client: ApiClient, queries: QueryClient): VaultSessionActions {
  /** The vault is open as `info`: its info is in the cache before anything shows it. */
  const opened = async (info: VaultInfo) => {
    // The new opening's id keys every cached read: know it before showing the vault.
    const app = await client.call('app.info', {});
    generation++;
    if (app.openId) seedVaultInfo(queries, app.openId, info);
    useVault.setState({ app, status: 'open' });
    return info;
  };
  const session: VaultSessionActions = {
    async sync() {
      const mine = ++generation;
      const app = await client.call('app.info', {});
      const info = app.openVault ? await client.call('vault.info', {}).catch(() => null) : null;
      if (mine !== generation) return;
      if (info && app.openId) {
        seedVaultInfo(queries, app.openId, info);
        useVault.setState({ app, status: 'open' });
      } else {
        useVault.setState({ app, status: 'closed' });
      }
    },
    async create(input) {
      generation++;
      return opened(await client.call('vault.create', input));
    },
    async open(file) {
      generation++;
      return opened(await client.call('vault.open', { file }));
    },
    async close() {
      generation++;
      await client.call('vault.close', {});
      generation++;
      useVault.setState({ status: 'closed' });
      await reloadRecentVaults(queries);
    },
    async forgetRecent(path) {
      const { items } = await client.call('vault.forgetRecent', { path });
      setRecentVaults(queries, items);
    },
    async onChanged({ reason }) {
      // What a vault holds is re-read by the query cache; here only which vault is open.
      // 'closed' is asked about rather than believed: a vault opened over this one (a recent
      // file, the Vault menu, another window) is announced as 'closed' and then 'opened', and
      // showing "no vault" in between would flash the start screen and then send the window to
      // the Dashboard as for a fresh opening, rather than keep the screen the user was on.
      if (reason === 'closed' || reason === 'opened') await session.sync();
      if (reason !== 'updated') await reloadRecentVaults(queries);
    },
  };
  return session;
}

/** The session actions, bound to this window's client and cache. */
export function useVaultSession(): VaultSessionActions {
  const client = useApi();
  const queries = useQueryClient();
  return useMemo(() => vaultSession(client, queries), [client, queries]);
}

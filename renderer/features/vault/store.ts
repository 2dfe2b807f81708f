import { create } from 'zustand';
import type { Output } from '../../../shared/api/index';

export type AppInfo = Output<'app.info'>;
export type RecentVault = Output<'vault.recent'>['items'][number];

/**
 * Which opening of a vault this window follows: the one piece of state every cached read is
 * keyed by. What the vault holds (its info, the recent list) is server state and lives in the
 * query cache (`vault-info.ts`); `session.ts` moves this store from one opening to the next.
 */
export interface VaultSession {
  /** 'starting' until the first answer from Attest; then whether a vault is open. */
  status: 'starting' | 'closed' | 'open';
  /** The last `app.info`: the build, ATTEST_HOME, today, and the current opening's id. */
  app: AppInfo | null;
}

export const useVault = create<VaultSession>()(() => ({ status: 'starting', app: null }));

/** The current opening of the vault (new at every open), or null: what cached reads are keyed by. */
export const useOpenId = () =>
  useVault((s) => (s.status === 'open' ? (s.app?.openId ?? null) : null));

/** The same, outside React. */
export function currentOpenId(): string | null {
  const { status, app } = useVault.getState();
  return status === 'open' ? (app?.openId ?? null) : null;
}

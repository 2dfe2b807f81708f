import type { QueryClient } from '@tanstack/react-query';
import type { VaultInfo } from '../../../shared/api/vault';
import type { ApiClient } from '../../api';
import { apiQueryKey, useApiQuery } from '../../api/queries';
import type { RecentVault } from './store';
import { useVaultQuery } from './use-vault-query';

/**
 * The open vault's info (engagement, path, counts, current user), through the query cache:
 * re-read when a change touches what `vault.info` reads, never shown for another opening.
 * Undefined while no vault is open (or in the moment before its first answer).
 */
export function useVaultInfo(): VaultInfo | undefined;
export function useVaultInfo<T>(select: (info: VaultInfo) => T): T | undefined;
export function useVaultInfo<T>(select?: (info: VaultInfo) => T): T | VaultInfo | undefined {
  return useVaultQuery('vault.info', {}, select ? { select } : {}).data;
}

/** Puts an answer of `vault.info` in the cache (an open or create already returned it). */
export function seedVaultInfo(queries: QueryClient, openId: string, info: VaultInfo): void {
  queries.setQueryData(apiQueryKey(openId, 'vault.info', {}), info);
}

/** The cached info of an opening, outside React. */
export function cachedVaultInfo(queries: QueryClient, openId: string | null): VaultInfo | null {
  return openId ? (queries.getQueryData(apiQueryKey(openId, 'vault.info', {})) ?? null) : null;
}

/**
 * Reads the vault's info again and waits for it: for a step that decides what shows next from
 * it (a confirmed scope opens the workbench). Plain edits need not: their `vault.changed`
 * re-reads it.
 */
export async function refreshVaultInfo(
  client: ApiClient,
  queries: QueryClient,
  openId: string | null,
): Promise<void> {
  if (!openId) return;
  seedVaultInfo(queries, openId, await client.call('vault.info', {}));
}

/** Recently opened vaults, newest first (kept outside any vault: one list for every opening). */
export function useRecentVaults(): RecentVault[] {
  return useApiQuery(null, 'vault.recent', {}).data?.items ?? EMPTY;
}
const EMPTY: RecentVault[] = [];

export function setRecentVaults(queries: QueryClient, items: RecentVault[]): void {
  queries.setQueryData(apiQueryKey(null, 'vault.recent', {}), { items });
}

export function reloadRecentVaults(queries: QueryClient): Promise<void> {
  return queries.invalidateQueries({ queryKey: apiQueryKey(null, 'vault.recent', {}) });
}

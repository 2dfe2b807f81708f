import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Witness } from '../../../shared/api/witness';
import { useApi } from '../../api/provider';
import { apiQueryKey } from '../../api/queries';
import { useOpenId } from '../vault/store';
import { useVaultQuery } from '../vault/use-vault-query';

/**
 * What the witness on this computer says about the open vault's audit chain, from the query
 * cache: read at each opening (a restore opens the vault anew) and re-read when the chain or the
 * witness changed. Cheap: nothing is re-hashed.
 */
export function useWitness(): Witness | null {
  return useVaultQuery('vault.witness', {}).data ?? null;
}

/** Puts a verdict read elsewhere (the verify report) where `useWitness` reads it. */
export function useShowWitness(): (witness: Witness) => void {
  const queries = useQueryClient();
  const openId = useOpenId();
  return useCallback(
    (witness: Witness) => queries.setQueryData(apiQueryKey(openId, 'vault.witness', {}), witness),
    [queries, openId],
  );
}

/** Records the vault's chain as the new baseline; the verdict after it shows at once. */
export function useAcceptWitness(): () => Promise<Witness> {
  const client = useApi();
  const show = useShowWitness();
  return useCallback(async () => {
    const witness = await client.call('vault.acceptWitness', {});
    show(witness);
    return witness;
  }, [client, show]);
}

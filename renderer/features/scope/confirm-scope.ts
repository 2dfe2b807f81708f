import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from '../../api/provider';
import { notifyError } from '../../app/notify';
import { currentOpenId } from '../vault/store';
import { refreshVaultInfo } from '../vault/vault-info';
import { describeScopeChange, type ScopeChange } from './scope-change';

/**
 * Applies the scope (`scope.confirm`): criteria copied in, library controls added, descoped ones
 * archived — never deleted. Says what changed; null when it could not be done (already said).
 * Criteria, controls and the description are re-read by the change itself; the vault's info is
 * read before answering, since whether the scope is confirmed decides which screen shows next.
 */
export function useConfirmScope(): () => Promise<ScopeChange | null> {
  const client = useApi();
  const queries = useQueryClient();
  return useCallback(async () => {
    try {
      const change = await client.call('scope.confirm', {});
      await refreshVaultInfo(client, queries, currentOpenId());
      notifications.show({
        color: 'teal',
        title: 'Scope confirmed',
        message: describeScopeChange(change),
        autoClose: 8000,
        'data-testid': 'scope-confirmed',
      });
      return change;
    } catch (e) {
      notifyError(e);
      return null;
    }
  }, [client, queries]);
}

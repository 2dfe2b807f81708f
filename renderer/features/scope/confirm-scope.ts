import { notifications } from '@mantine/notifications';
import { api } from '../../api';
import { notifyError } from '../../app/notify';
import { describeScopeChange, type ScopeChange } from './scope-change';
import { useScope } from './scope-store';

/**
 * Applies the scope (`scope.confirm`): criteria copied in, library controls added, descoped ones
 * archived — never deleted. Says what changed; null when it could not be done (already said).
 */
export async function confirmScope(): Promise<ScopeChange | null> {
  try {
    const change = await api.call('scope.confirm', {});
    await useScope.getState().reloadAll();
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
}

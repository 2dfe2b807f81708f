import { useSearchParams } from 'react-router';
import { ScopeView } from './view/ScopeView';
import { ScopeWizard } from './wizard/ScopeWizard';
import { useVaultInfo } from '../vault/vault-info';

/**
 * Scope: the wizard until the scope is first confirmed (and whenever "Edit scope" reopens it),
 * then the scope itself.
 */
export function ScopePage() {
  const engagement = useVaultInfo((i) => i.engagement);
  const [params] = useSearchParams();
  if (!engagement) return null;
  if (engagement.scopeConfirmedAt === null || params.get('edit') === '1') {
    return <ScopeWizard engagement={engagement} />;
  }
  return <ScopeView engagement={engagement} />;
}

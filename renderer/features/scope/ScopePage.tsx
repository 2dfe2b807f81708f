import { useSearchParams } from 'react-router';
import { useVault } from '../vault/store';
import { ScopeView } from './view/ScopeView';
import { ScopeWizard } from './wizard/ScopeWizard';

/**
 * Scope: the wizard until the scope is first confirmed (and whenever "Edit scope" reopens it),
 * then the scope itself.
 */
export function ScopePage() {
  const engagement = useVault((s) => s.info?.engagement);
  const [params] = useSearchParams();
  if (!engagement) return null;
  if (engagement.scopeConfirmedAt === null || params.get('edit') === '1') {
    return <ScopeWizard engagement={engagement} />;
  }
  return <ScopeView engagement={engagement} />;
}

import { IconBooks } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { notifyError } from '../../../app/notify';
import { type PaletteEntry, usePaletteEntries } from '../../../app/palette-store';
import { useVault } from '../../vault/store';
import { scopeLinks } from '../scope-paths';
import { useCatalogUpdate } from './catalog-update-store';

/**
 * While a vault is open: what its catalog update is (read again for each vault, so one vault's
 * plan never shows for another), and "Review catalog update" in the command palette when one is
 * available.
 */
export function useCatalogUpdateBackground(): void {
  const navigate = useNavigate();
  const vaultId = useVault((s) => s.info?.vaultId ?? null);
  const confirmedAt = useVault((s) => s.info?.engagement.scopeConfirmedAt ?? null);
  const plan = useCatalogUpdate((s) => s.plan);

  useEffect(() => {
    useCatalogUpdate.getState().reset();
    if (vaultId && confirmedAt) useCatalogUpdate.getState().load().catch(notifyError);
  }, [vaultId, confirmedAt]);

  const entries = useMemo<PaletteEntry[]>(
    () =>
      plan?.status === 'update_available'
        ? [
            {
              id: 'catalog-update',
              group: 'Vault',
              label: `Review catalog update ${plan.vaultVersion} → ${plan.buildVersion}`,
              description: 'See what the newer catalog changes before applying it',
              keywords: ['catalog', 'library', 'update'],
              icon: <IconBooks size={18} stroke={1.6} aria-hidden />,
              run: () => {
                useCatalogUpdate.getState().openReview();
                void navigate(scopeLinks.view());
              },
            },
          ]
        : [],
    [plan, navigate],
  );
  usePaletteEntries('catalog-update', entries);
}

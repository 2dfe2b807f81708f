import { IconBooks } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../../app/palette-store';
import { scopeLinks } from '../scope-paths';
import { useCatalogPlan, useCatalogReview } from './catalog-update-store';
import { useVaultInfo } from '../../vault/vault-info';

/**
 * While a vault is open: what its catalog update is (read again for each vault, so one vault's
 * plan never shows for another), and "Review catalog update" in the command palette when one is
 * available.
 */
export function useCatalogUpdateBackground(): void {
  const navigate = useNavigate();
  const vaultId = useVaultInfo((i) => i.vaultId) ?? null;
  const plan = useCatalogPlan();

  // A review open in one vault does not carry over to another.
  useEffect(() => useCatalogReview.getState().closeReview(), [vaultId]);

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
                useCatalogReview.getState().openReview();
                void navigate(scopeLinks.view());
              },
            },
          ]
        : [],
    [plan, navigate],
  );
  usePaletteEntries('catalog-update', entries);
}

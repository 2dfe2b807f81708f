import { IconDatabase } from '@tabler/icons-react';
import { useMemo } from 'react';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { useVaultActions } from './actions';
import { useRecentVaults, useVaultInfo } from './vault-info';

/** Recently opened vaults join the palette: "Open Acme 2026". */
export function useRecentPalette(): void {
  const recent = useRecentVaults();
  const openPath = useVaultInfo((i) => i.path) ?? null;
  const { openVaultFile } = useVaultActions();
  const entries = useMemo<PaletteEntry[]>(
    () =>
      recent
        .filter((r) => r.path !== openPath)
        .map((r) => ({
          id: `recent:${r.path}`,
          group: 'Recent vaults',
          label: `Open ${r.name}`,
          description: r.path,
          keywords: [r.name, r.path],
          icon: <IconDatabase size={18} stroke={1.6} aria-hidden />,
          run: () => void openVaultFile(r.path),
        })),
    [recent, openPath, openVaultFile],
  );
  usePaletteEntries('recent-vaults', entries);
}

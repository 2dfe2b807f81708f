import { IconDatabase } from '@tabler/icons-react';
import { useMemo } from 'react';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { openVaultFile } from './actions';
import { useVault } from './store';

/** Recently opened vaults join the palette: "Open Acme 2026". */
export function useRecentPalette(): void {
  const recent = useVault((s) => s.recent);
  const openPath = useVault((s) => s.info?.path ?? null);
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
    [recent, openPath],
  );
  usePaletteEntries('recent-vaults', entries);
}

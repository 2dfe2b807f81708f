import {
  IconArrowsMinimize,
  IconCopy,
  IconDoorExit,
  IconHistory,
  IconPlayerTrackNext,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import {
  compactVault,
  showBackups,
  startNextPeriod,
  useVaultActions,
} from '../../features/vault/actions';
import { type PaletteEntry, usePaletteEntries } from '../palette-store';
import { STEPS } from '../steps';

/** While a vault is open: every screen, and the vault's own actions, in the palette. */
export function useWorkbenchPalette(): void {
  const navigate = useNavigate();
  const { closeVault, saveVaultCopy } = useVaultActions();
  const entries = useMemo<PaletteEntry[]>(
    () => [
      ...STEPS.map((step) => {
        const Icon = step.icon;
        return {
          id: `go:${step.id}`,
          group: 'Go to',
          // The page's own title and sentence, so what is chosen is what opens.
          label: step.label,
          description: step.purpose,
          keywords: [step.id, ...(step.number === null ? [] : [`step ${step.number}`])],
          icon: <Icon size={18} stroke={1.6} aria-hidden />,
          hint: `G ${step.goKey.toUpperCase()}`,
          run: () => navigate(step.path),
        };
      }),
      {
        id: 'vault:save-copy',
        group: 'Vault',
        label: 'Save a copy…',
        description: 'A consistent copy of this vault, e.g. as a backup',
        keywords: ['backup', 'duplicate'],
        icon: <IconCopy size={18} stroke={1.6} aria-hidden />,
        run: () => void saveVaultCopy(),
      },
      {
        id: 'vault:backups',
        group: 'Vault',
        label: 'Backups…',
        description: 'The vault’s backups: restore one, or back up now',
        keywords: ['restore', 'history', 'undo', 'recover'],
        icon: <IconHistory size={18} stroke={1.6} aria-hidden />,
        run: showBackups,
      },
      {
        id: 'vault:compact',
        group: 'Vault',
        label: 'Compact vault…',
        description: 'Give the free space inside the vault file back to the disk',
        keywords: ['vacuum', 'shrink', 'space', 'size'],
        icon: <IconArrowsMinimize size={18} stroke={1.6} aria-hidden />,
        run: compactVault,
      },
      {
        id: 'vault:next-period',
        group: 'Vault',
        label: 'Start next period…',
        description:
          'A new vault for the next audit period, with this one’s scope, controls and policies',
        keywords: ['roll forward', 'new year', 'next audit', 'renew'],
        icon: <IconPlayerTrackNext size={18} stroke={1.6} aria-hidden />,
        run: startNextPeriod,
      },
      {
        id: 'vault:close',
        group: 'Vault',
        label: 'Close vault',
        description: 'Everything is already saved',
        icon: <IconDoorExit size={18} stroke={1.6} aria-hidden />,
        run: () => void closeVault(),
      },
    ],
    [navigate, closeVault, saveVaultCopy],
  );
  usePaletteEntries('workbench', entries);
}

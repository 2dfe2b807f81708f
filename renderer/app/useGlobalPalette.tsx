import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconFolderOpen, IconKeyboard, IconPlus, IconSunMoon } from '@tabler/icons-react';
import { useMemo } from 'react';
import { startNewVault, useVaultActions } from '../features/vault/actions';
import { type PaletteEntry, usePaletteEntries } from './palette-store';
import { useUi } from './ui-store';

/** Entries available whether or not a vault is open. */
export function useGlobalPalette(): void {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const { chooseVaultToOpen } = useVaultActions();
  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'vault:new',
        group: 'Vault',
        label: 'New vault…',
        description: 'Start a new engagement in its own vault file',
        keywords: ['create', 'engagement'],
        icon: <IconPlus size={18} stroke={1.6} aria-hidden />,
        run: startNewVault,
      },
      {
        id: 'vault:open',
        group: 'Vault',
        label: 'Open vault…',
        description: 'Open an existing vault file',
        keywords: ['switch', 'file'],
        icon: <IconFolderOpen size={18} stroke={1.6} aria-hidden />,
        run: () => void chooseVaultToOpen(),
      },
      {
        id: 'view:theme',
        group: 'View',
        label: computed === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
        description: 'Toggle theme (light and dark otherwise follow the system)',
        keywords: ['toggle theme', 'dark', 'light', 'appearance', 'colour'],
        icon: <IconSunMoon size={18} stroke={1.6} aria-hidden />,
        run: () => setColorScheme(computed === 'dark' ? 'light' : 'dark'),
      },
      ...(colorScheme === 'auto'
        ? []
        : [
            {
              id: 'view:theme-auto',
              group: 'View',
              label: 'Follow the system theme',
              description: 'Light or dark, as the operating system is set',
              keywords: ['theme', 'auto', 'system', 'appearance'],
              icon: <IconSunMoon size={18} stroke={1.6} aria-hidden />,
              run: () => setColorScheme('auto'),
            },
          ]),
      {
        id: 'view:shortcuts',
        group: 'View',
        label: 'Keyboard shortcuts',
        description: 'Every shortcut, on one page',
        keywords: ['help', 'keys', 'hotkeys'],
        icon: <IconKeyboard size={18} stroke={1.6} aria-hidden />,
        hint: '?',
        run: () => setHelpOpen(true),
      },
    ],
    [colorScheme, computed, setColorScheme, setHelpOpen, chooseVaultToOpen],
  );
  usePaletteEntries('global', entries);
}

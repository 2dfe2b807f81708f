import { IconTable } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { linkTo } from '../../app/routes';

/** While a vault is open, the sample-size table of self-testing is in the command palette. */
export function useTestingBackground(): void {
  const navigate = useNavigate();
  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'go:sample-sizes',
        group: 'Go to',
        label: 'Sample sizes (self-testing)',
        description: 'The sample-size table in force; import the auditor’s own',
        keywords: ['sample size', 'table', 'auditor', 'testing', 'self-test', 'import'],
        icon: <IconTable size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('testingSampleSizes')),
      },
    ],
    [navigate],
  );
  usePaletteEntries('testing', entries);
}

import { IconChecklist, IconTable } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { linkTo } from '../../app/routes';

/** While a vault is open, self-testing and its sample-size table are in the command palette. */
export function useTestingBackground(): void {
  const navigate = useNavigate();
  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'go:testing',
        group: 'Go to',
        label: 'Self-testing',
        description: 'Each control’s sample, its last test and its deviations',
        keywords: ['testing', 'self-test', 'sample', 'deviation', 'attribute', 'worksheet'],
        icon: <IconChecklist size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('documentationTesting')),
      },
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

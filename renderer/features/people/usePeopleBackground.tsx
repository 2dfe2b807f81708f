import { IconUser, IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { PAGES, linkTo } from '../../app/routes';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { usePeople } from './people-store';

export const PEOPLE_PATH = PAGES.people;

/** While a vault is open, the People screen and each person are in the command palette. */
export function usePeopleBackground(): void {
  const navigate = useNavigate();
  const items = usePeople((s) => s.items);

  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'go:people',
        group: 'Go to',
        label: 'People',
        description: 'Everyone who owns, performs or reviews work, and who you are',
        keywords: ['directory', 'team', 'users', 'owners', 'me'],
        icon: <IconUsers size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(PEOPLE_PATH),
      },
      ...items
        .filter((p) => !p.archived)
        .map((p) => ({
          id: `person:${p.id}`,
          group: 'People',
          label: p.name,
          description: [p.role, p.team].filter(Boolean).join(' · ') || p.email || undefined,
          keywords: [p.email, p.role, p.team].filter(Boolean),
          icon: <IconUser size={18} stroke={1.6} aria-hidden />,
          run: () => navigate(linkTo('person', p.id)),
        })),
    ],
    [items, navigate],
  );
  usePaletteEntries('people', entries);
}

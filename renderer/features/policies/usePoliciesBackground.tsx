import { IconBook2, IconFilePlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { linkTo } from '../../app/routes';
import { POLICY_STATUS, policyKeywords } from './labels';
import { usePolicies } from './policy-queries';

/**
 * While a vault is open, each policy is in the command palette (opens its drawer), with the
 * action "New policy from template".
 */
export function usePoliciesBackground(): void {
  const navigate = useNavigate();
  // The same read as the list's (archived ones too), so the two share one cached answer.
  const { items } = usePolicies(true);
  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'act:new-policy',
        group: 'Actions',
        label: 'New policy from template',
        description:
          'Write a policy from the SOC 2 templates, with your company’s values filled in',
        keywords: ['create', 'add', 'policy', 'template', 'documentation'],
        icon: <IconFilePlus size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('newPolicy')),
      },
      ...items
        .filter((p) => !p.archived)
        .map((p) => ({
          id: `policy:${p.id}`,
          group: 'Policies',
          label: p.title,
          description: POLICY_STATUS[p.status].label,
          keywords: policyKeywords(p),
          icon: <IconBook2 size={18} stroke={1.6} aria-hidden />,
          run: () => navigate(linkTo('policy', p.id)),
        })),
    ],
    [items, navigate],
  );
  usePaletteEntries('policies', entries);
}

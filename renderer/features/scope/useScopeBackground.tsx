import { IconListDetails, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { DOMAIN_LABELS } from '../../../shared/domain/catalog';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { useStepStatus } from '../../app/step-status-store';
import { plural } from '../../components/format';
import { scopeLinks } from './scope-paths';
import { activeControls, useScopeControls, useScopeCriteria } from './scope-queries';
import { useVaultInfo } from '../vault/vault-info';

/**
 * While a vault is open: the Scope step's state in the navigation, and every criterion and
 * control in the command palette (choosing one opens it on the Scope screen).
 */
export function useScopeBackground(): void {
  const navigate = useNavigate();
  const confirmedAt = useVaultInfo((i) => i.engagement.scopeConfirmedAt) ?? null;
  const categories = useVaultInfo((i) => i.engagement.categories.length) ?? 0;
  // Counted from the cached lists (kept current by the changes themselves), not the vault's info.
  const { criteria } = useScopeCriteria();
  const { controls } = useScopeControls();
  const active = useMemo(() => activeControls(controls), [controls]);
  const criteriaCount = criteria.length;
  const controlsCount = active.length;

  useEffect(() => {
    useStepStatus.getState().publish(
      'scope',
      confirmedAt
        ? {
            text: `${plural(criteriaCount, 'criterion', 'criteria')} · ${plural(controlsCount, 'control')}`,
            tone: 'neutral',
          }
        : {
            text: `${plural(categories, 'category', 'categories')} chosen · not confirmed`,
            tone: 'missing',
          },
    );
    return () => useStepStatus.getState().publish('scope', null);
  }, [confirmedAt, criteriaCount, controlsCount, categories]);

  const entries = useMemo<PaletteEntry[]>(
    () => [
      ...criteria.map((c) => ({
        id: `criterion:${c.id}`,
        group: 'Criteria',
        label: `${c.id} — ${c.title}`,
        description: c.groupTitle,
        keywords: [c.id, c.id.replace('.', ' '), c.groupId],
        icon: <IconListDetails size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(scopeLinks.criterion(c.id)),
      })),
      ...active.map((c) => ({
        id: `control:${c.id}`,
        group: 'Controls',
        label: `${c.ref} ${c.title}`,
        description: `${DOMAIN_LABELS[c.domain]} · ${c.criteria.join(', ')}`,
        keywords: [c.ref, ...c.criteria],
        icon: <IconShieldCheck size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(scopeLinks.control(c.id)),
      })),
    ],
    [criteria, active, navigate],
  );
  usePaletteEntries('scope', entries);
}

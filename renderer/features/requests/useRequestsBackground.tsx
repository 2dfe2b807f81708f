import { IconFileCheck } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { useStepStatus } from '../../app/step-status-store';
import { REQUEST_STATUS_LABELS, requestLabel } from './labels';
import { useApiQuery } from '../../api/queries';
import { usePolicies } from '../policies/policy-queries';
import { useOpenId } from '../vault/store';
import { documentationNavStatus } from './nav-status';
import { useAllRequests } from './request-queries';
import { linkTo } from '../../app/routes';

/** Where a request opens: the Documentation step's list, with its drawer. */
export const requestPath = (id: string) => linkTo('request', id);

/**
 * While a vault is open: the auditor's requests are read, each joins the palette ("PBC-014
 * Terminated users list…" opens its drawer), and the Documentation step shows its requests,
 * policies and evidence in the navigation ("42 requests · 5 overdue · 3/25 policies approved").
 */
export function useRequestsBackground(): void {
  const navigate = useNavigate();
  // Read through the query cache: re-read when requests change, never another vault's.
  const items = useAllRequests((s) => s.items);
  const publish = useStepStatus((s) => s.publish);
  // The step also holds policies and evidence: its status reads all three (one rule).
  const openId = useOpenId();
  // The palette's list (archived too) is already held: filter it rather than read another.
  const all = usePolicies(true).items;
  const policies = useMemo(() => all.filter((p) => !p.archived), [all]);
  const evidence = useApiQuery(openId, 'evidence.counts', {}, { enabled: openId !== null }).data;
  const evidenceTotal = evidence?.total ?? 0;
  const unreviewed = evidence?.unreviewed ?? 0;

  useEffect(() => {
    publish(
      'documentation',
      documentationNavStatus(items, {
        policies,
        evidence: { total: evidenceTotal, unreviewed },
      }),
    );
  }, [items, policies, evidenceTotal, unreviewed, publish]);
  useEffect(() => () => publish('documentation', null), [publish]);

  const entries = useMemo<PaletteEntry[]>(
    () =>
      items.map((r) => ({
        id: `request:${r.id}`,
        group: 'Auditor requests',
        label: requestLabel(r),
        description: r.overdue
          ? `Overdue · ${REQUEST_STATUS_LABELS[r.status]}`
          : REQUEST_STATUS_LABELS[r.status],
        keywords: [r.ref, 'request', 'pbc', ...r.criteria],
        icon: <IconFileCheck size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(requestPath(r.id)),
      })),
    [items, navigate],
  );
  usePaletteEntries('requests', entries);
}

import { IconLock } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type PaletteEntry, usePaletteEntries } from '../../app/palette-store';
import { linkTo } from '../../app/routes';
import { useStepStatus } from '../../app/step-status-store';
import { formatDate } from '../../components/format';
import { useSnapshots } from './readiness-queries';

/**
 * "Freeze this review" in the command palette, and the Readiness step's status in the navigation: the latest frozen review's verdict and date.
 * Read from the snapshots (a cheap list), never by evaluating the review on every screen — that
 * reads the whole vault and takes about a second on a large one.
 */
export function useReadinessBackground(): void {
  const navigate = useNavigate();
  const entries = useMemo<PaletteEntry[]>(
    () => [
      {
        id: 'act:freeze-review',
        group: 'Actions',
        label: 'Freeze this review',
        description: 'Keep today’s readiness review, signed off, to compare later work with',
        keywords: ['readiness', 'snapshot', 'sign off', 'review', 'freeze'],
        icon: <IconLock size={18} stroke={1.6} aria-hidden />,
        run: () => navigate(linkTo('freezeReview')),
      },
    ],
    [navigate],
  );
  usePaletteEntries('readiness', entries);
  const snapshots = useSnapshots();
  const latest = snapshots.data?.items[0];
  const loaded = snapshots.isSuccess;
  const publish = useStepStatus((s) => s.publish);
  useEffect(() => {
    if (!loaded) return publish('readiness', null);
    if (!latest) return publish('readiness', { text: 'No review frozen yet', tone: 'neutral' });
    const { blocked, blocking } = latest.figures;
    publish('readiness', {
      text: `${latest.ref}, ${formatDate(latest.evaluatedOn)}: ${blocked ? `${blocking} blocking` : 'none blocking'}`,
      tone: blocked ? 'missing' : 'partial',
    });
  }, [latest, loaded, publish]);
}

import { useEffect } from 'react';
import { useStepStatus } from '../../app/step-status-store';
import { formatDate } from '../../components/format';
import { useSnapshots } from './readiness-queries';

/**
 * The Readiness step's status in the navigation: the latest frozen review's verdict and date.
 * Read from the snapshots (a cheap list), never by evaluating the review on every screen — that
 * reads the whole vault and takes about a second on a large one.
 */
export function useReadinessBackground(): void {
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

import { useEffect, useState } from 'react';
import { notifyError } from '../../app/notify';
import { useGaps } from '../gaps/gaps-store';
import { useTasks } from '../remediation/tasks-store';
import { useRequests } from '../requests/requests-store';
import { assessedOnState, todayIso } from '../risks/assessed-on';
import { useRisks } from '../risks/risks-store';
import { useVault } from '../vault/store';
import type { EngagementFacts } from './prerequisites';

/** Where the engagement stands now, read on arrival (as the Dashboard does), for prerequisites. */
export function useEngagementFacts(): EngagementFacts {
  useEffect(() => {
    Promise.all([
      useGaps.getState().load(),
      useTasks.getState().load(),
      useRisks.getState().load(),
      useRequests.getState().load(),
    ]).catch(notifyError);
  }, []);
  const scopeConfirmed = useVault((s) => Boolean(s.info?.engagement.scopeConfirmedAt));
  const summary = useGaps((s) => s.summary);
  const notMapped = useGaps((s) => s.coverage.filter((c) => c.status === 'not_mapped').length);
  const unplannedGaps = useTasks((s) => s.proposals.length);
  const assessedOn = useRisks((s) => s.assessedOn);
  const requests = useRequests((s) => s.items.length);
  const [today] = useState(todayIso);
  return {
    scopeConfirmed,
    controls: summary?.controls ?? 0,
    assessed: summary?.assessed ?? 0,
    notMapped,
    riskAssessment: assessedOnState(assessedOn, today).kind,
    unplannedGaps,
    requests,
  };
}

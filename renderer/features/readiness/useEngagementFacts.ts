import { useCoverage, useGaps } from '../gaps/gaps-store';
import { useProposals } from '../remediation/task-queries';
import { useAllRequests } from '../requests/request-queries';
import { assessedOnState } from '../risks/assessed-on';
import { useToday } from '../vault/today';
import { useRisks } from '../risks/risk-queries';
import type { EngagementFacts } from './prerequisites';
import { useVaultInfo } from '../vault/vault-info';

/**
 * Where the engagement stands now, for prerequisites: read through the query cache (as the
 * Dashboard reads), so each fact follows every saved change without reloading by hand.
 */
export function useEngagementFacts(): EngagementFacts {
  const scopeConfirmed = Boolean(useVaultInfo((i) => i.engagement.scopeConfirmedAt));
  const summary = useGaps((s) => s.summary);
  const notMapped = useCoverage((s) => s.coverage.filter((c) => c.status === 'not_mapped').length);
  const criteria = useCoverage((s) => s.coverage.filter((c) => c.status !== 'not_relevant').length);
  const metCriteria = useCoverage((s) => s.coverage.filter((c) => c.status === 'met').length);
  const unplannedGaps = useProposals().proposals.length;
  const assessedOn = useRisks((s) => s.assessedOn);
  const requests = useAllRequests((s) => s.items.length);
  const today = useToday();
  return {
    scopeConfirmed,
    controls: summary?.controls ?? 0,
    assessed: summary?.assessed ?? 0,
    notMapped,
    riskAssessment: assessedOnState(assessedOn, today).kind,
    unplannedGaps,
    requests,
    criteria,
    metCriteria,
  };
}

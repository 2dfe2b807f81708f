/**
 * Criterion coverage — one pure rule, used by the gap analysis, the dashboard, readiness and the
 * package. A criterion is:
 *   - `not_relevant` when scoped out of this system with a reason (DC 8);
 *   - `not_mapped` when no applicable control serves it;
 *   - `mapped` when an applicable control serves it but none is both implemented and evidenced;
 *   - `met` only when an applicable control is implemented AND has reviewed evidence for its
 *     windows — a self-assessment alone never makes a criterion met.
 * A carved-out criterion is met through the subservice organisation's controls (CSOCs) plus our
 * own monitoring control, which must itself be implemented and evidenced.
 */
export const COVERAGE_STATUSES = ['met', 'mapped', 'not_mapped', 'not_relevant'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const ASSESSMENT_STATUSES = [
  'implemented',
  'partial',
  'not_implemented',
  'not_applicable',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Whether reviewed evidence covers a control's windows (filled in by the evidence module). */
export type EvidenceState = 'complete' | 'partial' | 'none';

export interface CoverageControl {
  id: string;
  criteria: readonly string[];
  /** null while not assessed. */
  assessment: AssessmentStatus | null;
  evidence: EvidenceState;
}

export interface CoverageCriterion {
  id: string;
  notRelevantReason: string | null;
}

export interface CarveOut {
  /** Criteria the subservice organisation's controls support. */
  criteria: readonly string[];
  /** Our control that monitors the subservice organisation; null when none is named. */
  monitoringControlId: string | null;
}

export interface CriterionCoverage {
  id: string;
  status: CoverageStatus;
  /** Applicable controls serving it. */
  controlIds: string[];
  /** Implemented and evidenced controls (or the carve-out path) that make it met. */
  metBy: string[];
  /** A plain explanation of why the status is what it is. */
  reason: string;
  carvedOut: boolean;
}

const isApplicable = (c: CoverageControl) => c.assessment !== 'not_applicable';
const isMet = (c: CoverageControl) => c.assessment === 'implemented' && c.evidence === 'complete';

export function computeCoverage(
  criteria: readonly CoverageCriterion[],
  controls: readonly CoverageControl[],
  carveOuts: readonly CarveOut[] = [],
): CriterionCoverage[] {
  const byId = new Map(controls.map((c) => [c.id, c]));
  return criteria.map((criterion) => {
    const serving = controls.filter((c) => isApplicable(c) && c.criteria.includes(criterion.id));
    const controlIds = serving.map((c) => c.id);
    const carve = carveOuts.filter((o) => o.criteria.includes(criterion.id));
    const base = { id: criterion.id, controlIds, carvedOut: carve.length > 0 };

    if (criterion.notRelevantReason) {
      return {
        ...base,
        status: 'not_relevant',
        metBy: [],
        reason: `Not relevant: ${criterion.notRelevantReason}`,
      };
    }
    const metBy = serving.filter(isMet).map((c) => c.id);
    if (metBy.length > 0) {
      return {
        ...base,
        status: 'met',
        metBy,
        reason: 'Implemented control with reviewed evidence',
      };
    }
    for (const o of carve) {
      const monitor = o.monitoringControlId ? byId.get(o.monitoringControlId) : undefined;
      if (monitor && isMet(monitor)) {
        return {
          ...base,
          status: 'met',
          metBy: [monitor.id],
          reason:
            'Carved out: met through the subservice organisation’s controls and our monitoring control',
        };
      }
    }
    if (serving.length === 0 && carve.length === 0) {
      return {
        ...base,
        status: 'not_mapped',
        metBy: [],
        reason: 'No applicable control serves this criterion',
      };
    }
    return { ...base, status: 'mapped', metBy: [], reason: mappedReason(serving, carve, byId) };
  });
}

function mappedReason(
  serving: CoverageControl[],
  carve: readonly CarveOut[],
  byId: Map<string, CoverageControl>,
): string {
  if (serving.length === 0) {
    const monitor = carve
      .map((o) => (o.monitoringControlId ? byId.get(o.monitoringControlId) : undefined))
      .find(Boolean);
    return monitor
      ? 'Carved out: our monitoring control is not yet implemented with reviewed evidence'
      : 'Carved out: name the control that monitors the subservice organisation';
  }
  if (serving.some((c) => c.assessment === 'implemented'))
    return 'Implemented — awaiting reviewed evidence';
  if (serving.every((c) => c.assessment === null)) return 'Mapped — controls not yet assessed';
  return 'Mapped — no serving control is implemented yet';
}

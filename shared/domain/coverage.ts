/**
 * Criterion coverage — one pure rule, used by the gap analysis, the dashboard, readiness and the
 * package (DESIGN §4, D1 item 5 "met, honestly"). A criterion is:
 *   - `not_relevant` when scoped out of this system with a reason (DC 8);
 *   - `not_mapped` when no applicable control serves it and no subservice organisation carries it;
 *   - `mapped` when something serves it but the rule below does not hold yet;
 *   - `met` only when EVERY key control mapped to it (at least one) is implemented AND has reviewed
 *     evidence for its windows — never on a self-assessment alone. A supporting control never
 *     meets a criterion alone, however many there are; a CUEC (what we expect of our customers)
 *     never meets one — CUECs are not an input here at all.
 * A carved-out criterion is met when our own key controls for it are met, the subservice
 * organisation's CSOCs for it are listed and our monitoring control is met. The monitoring control
 * stands alone only where none of our own key controls applies.
 *
 * The hook for self-testing (T): a key control's deviations make a criterion it would meet "met
 * with exceptions" when isolated (listed in `exceptions`), and not met when systematic. A missed
 * window is already "not met": its evidence is not complete.
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

/** Whether reviewed evidence covers a control's windows (see `control-evidence.ts`). */
export type EvidenceState = 'complete' | 'partial' | 'none';

/** Deviations found in self-testing (T): isolated ones qualify "met", systematic ones undo it. */
export type DeviationState = 'none' | 'isolated' | 'systematic';

export interface CoverageControl {
  id: string;
  criteria: readonly string[];
  /** The criteria of `criteria` it only supports; it is key for the others. */
  supporting?: readonly string[];
  /** null while not assessed. */
  assessment: AssessmentStatus | null;
  evidence: EvidenceState;
  /** From self-testing (T); absent until it exists. */
  deviations?: DeviationState;
}

export interface CoverageCriterion {
  id: string;
  notRelevantReason: string | null;
}

export interface CarveOut {
  /** Criteria the subservice organisation's controls support. */
  criteria: readonly string[];
  /** Criteria its listed CSOCs (the controls we assume it operates) support. */
  csocCriteria: readonly string[];
  /** Our control that monitors the subservice organisation; null when none is named. */
  monitoringControlId: string | null;
}

export interface CriterionCoverage {
  id: string;
  status: CoverageStatus;
  /** Applicable controls serving it, key and supporting. */
  controlIds: string[];
  /** The applicable controls that are key for it. */
  keyControlIds: string[];
  /** The controls whose state makes it met (its key controls, and a carve-out's monitor). */
  metBy: string[];
  /** Key controls with isolated deviations: met with exceptions (T). */
  exceptions: string[];
  /** A plain explanation of why the status is what it is. */
  reason: string;
  carvedOut: boolean;
}

const isApplicable = (c: CoverageControl) => c.assessment !== 'not_applicable';
const isKeyFor = (c: CoverageControl, criterionId: string) =>
  !(c.supporting ?? []).includes(criterionId);
/** Implemented, with reviewed evidence for its windows, and no systematic deviation. */
export const controlIsMet = (c: CoverageControl) =>
  c.assessment === 'implemented' && c.evidence === 'complete' && c.deviations !== 'systematic';

export function computeCoverage(
  criteria: readonly CoverageCriterion[],
  controls: readonly CoverageControl[],
  carveOuts: readonly CarveOut[] = [],
): CriterionCoverage[] {
  const byId = new Map(controls.map((c) => [c.id, c]));
  return criteria.map((criterion) => {
    const serving = controls.filter((c) => isApplicable(c) && c.criteria.includes(criterion.id));
    const key = serving.filter((c) => isKeyFor(c, criterion.id));
    const carve = carveOuts.filter((o) => o.criteria.includes(criterion.id));
    const base = {
      id: criterion.id,
      controlIds: serving.map((c) => c.id),
      keyControlIds: key.map((c) => c.id),
      carvedOut: carve.length > 0,
    };
    const notMet = (reason: string): CriterionCoverage => ({
      ...base,
      status: 'mapped',
      metBy: [],
      exceptions: [],
      reason,
    });
    const met = (metBy: CoverageControl[], reason: string): CriterionCoverage => {
      const exceptions = metBy.filter((c) => c.deviations === 'isolated').map((c) => c.id);
      return {
        ...base,
        status: 'met',
        metBy: metBy.map((c) => c.id),
        exceptions,
        reason: exceptions.length > 0 ? `Met with exceptions — ${reason}` : reason,
      };
    };

    if (criterion.notRelevantReason) {
      return {
        ...base,
        status: 'not_relevant',
        metBy: [],
        exceptions: [],
        reason: `Not relevant: ${criterion.notRelevantReason}`,
      };
    }
    if (carve.length > 0) return carvedOut(criterion.id, carve, key, byId, met, notMet);
    if (serving.length === 0) {
      return {
        ...base,
        status: 'not_mapped',
        metBy: [],
        exceptions: [],
        reason: 'No applicable control serves this criterion',
      };
    }
    if (key.length === 0)
      return notMet(
        'Only supporting controls serve it: a supporting control never meets a criterion alone — mark the control that carries it key',
      );
    if (key.every(controlIsMet))
      return met(key, 'every key control is implemented with reviewed evidence');
    return notMet(unmetReason(key));
  });
}

function carvedOut(
  criterionId: string,
  carve: readonly CarveOut[],
  key: CoverageControl[],
  byId: Map<string, CoverageControl>,
  met: (metBy: CoverageControl[], reason: string) => CriterionCoverage,
  notMet: (reason: string) => CriterionCoverage,
): CriterionCoverage {
  const monitorIds = new Set(carve.map((o) => o.monitoringControlId).filter((id) => id !== null));
  // Our own key controls, other than the monitoring control itself.
  const own = key.filter((c) => !monitorIds.has(c.id));
  const ownUnmet = own.filter((c) => !controlIsMet(c));
  const paths = carve.map((o) => ({
    csocs: o.csocCriteria.includes(criterionId),
    monitor: o.monitoringControlId ? byId.get(o.monitoringControlId) : undefined,
  }));
  const complete = paths.find((p) => p.csocs && p.monitor && controlIsMet(p.monitor));
  if (complete && ownUnmet.length === 0) {
    return met(
      [...own, complete.monitor!],
      own.length > 0
        ? 'Carved out: our key controls and our monitoring control are implemented with reviewed evidence, and the subservice organisation’s controls are listed'
        : 'Carved out: met through the subservice organisation’s listed controls and our monitoring control',
    );
  }
  if (ownUnmet.length > 0) return notMet(`Carved out — our own controls: ${unmetReason(own)}`);
  if (!paths.some((p) => p.monitor))
    return notMet('Carved out: name the control that monitors the subservice organisation');
  if (!paths.some((p) => p.csocs))
    return notMet(
      'Carved out: list the subservice organisation’s controls (CSOCs) that support this criterion',
    );
  const monitors = paths.flatMap((p) => (p.monitor ? [p.monitor] : []));
  return notMet(
    monitors.every((m) => m.assessment === null)
      ? 'Carved out: our monitoring control is not yet assessed'
      : 'Carved out: our monitoring control is not yet implemented with reviewed evidence',
  );
}

/** Why not met: how many of the key controls fall short, and how. */
function unmetReason(key: CoverageControl[]): string {
  const short = key.filter((c) => !controlIsMet(c));
  const of = `${short.length} of ${key.length} key control${key.length === 1 ? '' : 's'}`;
  if (short.some((c) => c.deviations === 'systematic'))
    return `Deviations: systematic deviations in ${of}`;
  const unassessed = short.filter((c) => c.assessment === null).length;
  if (unassessed === short.length) return `Mapped — ${of} not yet assessed`;
  if (short.every((c) => c.assessment === 'implemented'))
    return `Implemented — awaiting reviewed evidence for ${of}`;
  if (unassessed === 0) return `Mapped — ${of} not yet implemented with reviewed evidence`;
  // A control nobody has assessed is not known to be missing: say which is which.
  const notImplemented = `${short.length - unassessed} of ${key.length} key control${key.length === 1 ? '' : 's'}`;
  return `Mapped — ${notImplemented} not yet implemented with reviewed evidence, ${unassessed} not yet assessed`;
}

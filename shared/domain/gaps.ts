import type { AssessmentStatus, CriterionCoverage } from './coverage';

export type GapSeverity = 'blocking' | 'major' | 'minor';
export const SEVERITY_ORDER: Record<GapSeverity, number> = { blocking: 0, major: 1, minor: 2 };

export interface GapControl {
  id: string;
  ref: string;
  criteria: readonly string[];
  /** The criteria of `criteria` it only supports; it is key for the others. */
  supporting?: readonly string[];
  assessment: AssessmentStatus | null;
  /** Highest residual likelihood × impact among risks linked to the control. */
  residualRisk: number | null;
}

export interface GapFinding {
  controlId: string;
  status: 'partial' | 'not_implemented';
  severity: GapSeverity;
  unmetCriteria: string[];
  residualRisk: number | null;
  reason: string;
}

/** Residual scores at or above these raise a gap's severity (on the 1–25 scale). */
export const HIGH_RESIDUAL = 15;
export const MEDIUM_RESIDUAL = 8;

/**
 * A gap is a control assessed partial or not implemented. A control nobody has assessed yet is
 * not a gap — nothing is known about it — and is reported as "not assessed yet" instead (a fresh
 * vault must not open on a wall of blocking gaps). Its severity follows from the criteria it leaves
 * unmet, whether it is key for them, and the risk it carries — not from how many other controls
 * happen to map (DESIGN §4): blocking when it is a key control of an unmet in-scope criterion
 * (every key control must be met, so that criterion cannot be met without it) or its residual risk
 * is high; major when it only supports unmet criteria, or its residual risk is medium; minor
 * otherwise.
 */
export function findGaps(
  controls: readonly GapControl[],
  coverage: readonly CriterionCoverage[],
): GapFinding[] {
  const byCriterion = new Map(coverage.map((c) => [c.id, c]));
  const findings: GapFinding[] = [];
  for (const control of controls) {
    const status = control.assessment;
    if (status !== 'partial' && status !== 'not_implemented') continue;
    const unmet = control.criteria.filter((id) => {
      const cov = byCriterion.get(id);
      return cov !== undefined && cov.status !== 'met' && cov.status !== 'not_relevant';
    });
    const keyFor = unmet.filter((id) => !(control.supporting ?? []).includes(id));
    const risk = control.residualRisk;
    let severity: GapSeverity;
    let reason: string;
    if (keyFor.length > 0) {
      severity = 'blocking';
      reason = `Key control for ${keyFor.join(', ')}: not met until it is implemented with reviewed evidence`;
    } else if (risk !== null && risk >= HIGH_RESIDUAL) {
      severity = 'blocking';
      reason = `Linked risk has a high residual score (${risk})`;
    } else if (unmet.length > 0 || (risk !== null && risk >= MEDIUM_RESIDUAL)) {
      severity = 'major';
      reason =
        unmet.length > 0
          ? `Supports ${unmet.join(', ')}, not yet met`
          : `Linked risk has a medium residual score (${risk})`;
    } else {
      severity = 'minor';
      reason = 'Its criteria are met or it only supports them';
    }
    findings.push({
      controlId: control.id,
      status,
      severity,
      unmetCriteria: unmet,
      residualRisk: risk,
      reason,
    });
  }
  const refOf = new Map(controls.map((c) => [c.id, c.ref]));
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (b.residualRisk ?? 0) - (a.residualRisk ?? 0) ||
      refOf.get(a.controlId)!.localeCompare(refOf.get(b.controlId)!),
  );
}

import type { AssessmentStatus, CriterionCoverage } from './coverage';

export type GapSeverity = 'blocking' | 'major' | 'minor';
export const SEVERITY_ORDER: Record<GapSeverity, number> = { blocking: 0, major: 1, minor: 2 };

export interface GapControl {
  id: string;
  ref: string;
  criteria: readonly string[];
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
 * vault must not open on a wall of blocking gaps). Its severity follows from what it leaves unmet and
 * the risk it carries: blocking when an in-scope criterion depends on it (no other serving control
 * is implemented) or its residual risk is high; major when it serves unmet criteria others
 * already cover in part, or its residual risk is medium; minor otherwise.
 */
export function findGaps(
  controls: readonly GapControl[],
  coverage: readonly CriterionCoverage[],
): GapFinding[] {
  const byCriterion = new Map(coverage.map((c) => [c.id, c]));
  const implemented = new Set(
    controls.filter((c) => c.assessment === 'implemented').map((c) => c.id),
  );
  const findings: GapFinding[] = [];
  for (const control of controls) {
    const status = control.assessment;
    if (status !== 'partial' && status !== 'not_implemented') continue;
    const unmet = control.criteria.filter((id) => {
      const cov = byCriterion.get(id);
      return cov !== undefined && cov.status !== 'met' && cov.status !== 'not_relevant';
    });
    const dependsOnThis = unmet.filter(
      (id) =>
        !byCriterion
          .get(id)!
          .controlIds.some((other) => other !== control.id && implemented.has(other)),
    );
    const risk = control.residualRisk;
    let severity: GapSeverity;
    let reason: string;
    if (dependsOnThis.length > 0) {
      severity = 'blocking';
      reason = `No other implemented control serves ${dependsOnThis.join(', ')}`;
    } else if (risk !== null && risk >= HIGH_RESIDUAL) {
      severity = 'blocking';
      reason = `Linked risk has a high residual score (${risk})`;
    } else if (unmet.length > 0 || (risk !== null && risk >= MEDIUM_RESIDUAL)) {
      severity = 'major';
      reason =
        unmet.length > 0
          ? `Serves ${unmet.join(', ')}, not yet met; other implemented controls serve them in part`
          : `Linked risk has a medium residual score (${risk})`;
    } else {
      severity = 'minor';
      reason = 'Its criteria are met or covered by other implemented controls';
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

import type { Risk } from '../../../shared/api/risks';

export type MatrixKind = 'inherent' | 'residual';

/** Likelihood and impact of a risk, before or after its treatment. */
export function scoresOf(risk: Risk, kind: MatrixKind): { likelihood: number; impact: number } {
  return kind === 'inherent'
    ? { likelihood: risk.likelihood, impact: risk.impact }
    : { likelihood: risk.residualLikelihood, impact: risk.residualImpact };
}

/**
 * The 5×5 matrix: `cells[likelihood - 1][impact - 1]` holds the ids of the risks in that cell.
 * Scores outside 1–5 are clamped, so no risk ever falls off the grid. Pure.
 */
export function binRisks(risks: readonly Risk[], kind: MatrixKind): string[][][] {
  const cells = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
  const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)));
  for (const risk of risks) {
    const { likelihood, impact } = scoresOf(risk, kind);
    cells[clamp(likelihood) - 1]![clamp(impact) - 1]!.push(risk.id);
  }
  return cells;
}

/** The top risks by residual score (then inherent), for the dashboard. Pure. */
export function topRisks(risks: readonly Risk[], count: number): Risk[] {
  return [...risks]
    .sort(
      (a, b) =>
        b.residualScore - a.residualScore ||
        b.inherentScore - a.inherentScore ||
        a.title.localeCompare(b.title),
    )
    .slice(0, count);
}

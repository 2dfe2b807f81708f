import type { Control } from '../../../shared/api/controls';
import type { Deviation, SelfTestSummary } from '../../../shared/api/self-tests';

/** Rows the card lists; the rest are counted (the Testing tab lists them all). */
export const OVERVIEW_ROWS = 5;

export interface OverviewRow {
  controlId: string;
  ref: string;
  title: string;
  /** The test's own wording: "Self-test: N deviations in M items". */
  result: string;
  deviations: number;
  drawnAt: string;
  drawnBy: string;
}

export interface SelfTestOverview {
  inScope: number;
  tested: number;
  notTested: number;
  /** Deviations (not withdrawn) found by each control's latest test. */
  deviations: number;
  /** Of those, the ones still awaiting management's response. */
  responseMissing: number;
  /** Controls whose latest test found deviations, most first, at most OVERVIEW_ROWS. */
  rows: OverviewRow[];
  /** Controls with deviations beyond the rows shown. */
  moreRows: number;
}

/**
 * The Dashboard's self-testing figures, read as the Testing tab reads them: each in-scope
 * (not archived) control by its latest test, so a re-test replaces the result it repeats. A
 * deviation counts as awaiting a response only if it belongs to such a latest test and is not
 * withdrawn — the same basis as the deviation total, so the two figures never disagree.
 */
export function selfTestOverview(
  controls: readonly Control[],
  tests: readonly SelfTestSummary[],
  deviations: readonly Deviation[],
): SelfTestOverview {
  const latest = new Map<string, SelfTestSummary>();
  // Tests come oldest first: the last one seen for a control is its latest.
  for (const t of tests) latest.set(t.controlId, t);
  const active = controls.filter((c) => !c.archived);
  const latestTests = active.flatMap((c) => {
    const t = latest.get(c.id);
    return t ? [{ control: c, test: t }] : [];
  });
  const latestIds = new Set(latestTests.map((l) => l.test.id));
  const withDeviations = latestTests
    .filter((l) => l.test.deviations > 0)
    .sort(
      (a, b) =>
        b.test.deviations - a.test.deviations ||
        a.control.ref.localeCompare(b.control.ref, undefined, { numeric: true }),
    )
    .map(({ control, test }): OverviewRow => ({
      controlId: control.id,
      ref: control.ref,
      title: control.title,
      result: test.result,
      deviations: test.deviations,
      drawnAt: test.drawnAt,
      drawnBy: test.drawnBy,
    }));
  return {
    inScope: active.length,
    tested: latestTests.length,
    notTested: active.length - latestTests.length,
    deviations: latestTests.reduce((n, l) => n + l.test.deviations, 0),
    responseMissing: deviations.filter(
      (d) => d.withdrawn === null && d.responseMissing && latestIds.has(d.testId),
    ).length,
    rows: withDeviations.slice(0, OVERVIEW_ROWS),
    moreRows: Math.max(0, withDeviations.length - OVERVIEW_ROWS),
  };
}

import type { Readiness } from './evaluate';

/** Said with every readiness figure: what this is not. */
export const NOT_AN_OPINION = 'Self-assessment — not an audit opinion';
export const NOT_A_PREDICTION = `${NOT_AN_OPINION} and not a prediction of one`;

/**
 * Words Attest never uses about readiness (E item 2): they claim what only an auditor's
 * opinion can say. Tested against every string this module and the report produce.
 */
export const FORBIDDEN_CLAIMS = [
  /\bcompliant\b/i,
  /\bcertified\b/i,
  /\baudit[- ]ready\b/i,
  /\bpassed\b/i,
  /\bSOC 2 ready\b/i,
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The one status line (DESIGN §5), worded for the date it was evaluated as of:
 * "Not ready: 3 blocking findings (CC6.2, CC7.4, A1.3) · 78 % of checks pass · Self-assessment —
 * not an audit opinion and not a prediction of one", or, with no blocking finding,
 * "No blocking findings as of 4 Dec 2026 (12 windows still to come) · Self-assessment — not an
 * audit opinion". `formatDate` is the caller's (the UI's locale, the report's fixed format).
 */
export function statusLine(r: Readiness, formatDate: (iso: string) => string): string {
  if (r.blocked) {
    const objects = [
      ...new Set(r.findings.filter((f) => f.severity === 'blocking').map((f) => f.object)),
    ];
    const named = objects.slice(0, 3).join(', ') + (objects.length > 3 ? ', …' : '');
    return `Not ready: ${plural(r.counts.blocking, 'blocking finding')} (${named}) · ${r.percentPassing} % of checks pass · ${NOT_A_PREDICTION}`;
  }
  const toCome = r.windowsToCome > 0 ? ` (${plural(r.windowsToCome, 'window')} still to come)` : '';
  return `No blocking findings as of ${formatDate(r.evaluatedOn)}${toCome} · ${NOT_AN_OPINION}`;
}

/**
 * The evaluation date to show beside the status line where the line does not state it itself:
 * a blocked line names findings and a share, both true only as of a date (E item 2: every
 * readiness figure states its date). Null when the line already says "as of".
 */
export function evaluatedAsOf(r: Readiness, formatDate: (iso: string) => string): string | null {
  return r.blocked ? `Evaluated as of ${formatDate(r.evaluatedOn)}` : null;
}

/**
 * Where an evidence item's dates fall against the engagement (pure; the list filters with the
 * same rule in SQL, `electron/db/repos/evidence-list.ts`). The range is the period of a Type II
 * engagement, or for a Type I the twelve months up to the as-of date: evidence current at the
 * as-of date comes from within one cycle of the longest common frequency before it.
 */
import { addDays, addMonths } from './calendar';

export interface EngagementRange {
  start: string;
  end: string;
}

export function engagementRange(e: {
  reportType: string;
  asOf: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}): EngagementRange | null {
  if (e.reportType === 'type1') {
    return e.asOf ? { start: addDays(addMonths(e.asOf, -12), 1), end: e.asOf } : null;
  }
  return e.periodStart && e.periodEnd ? { start: e.periodStart, end: e.periodEnd } : null;
}

export type WindowStatusValue = 'inside' | 'partly' | 'outside' | 'undated';

export function windowStatus(
  coverage: { start: string; end: string } | null,
  range: EngagementRange | null,
): WindowStatusValue {
  if (!coverage) return 'undated';
  if (!range) return 'inside';
  if (coverage.start >= range.start && coverage.end <= range.end) return 'inside';
  if (coverage.end < range.start || coverage.start > range.end) return 'outside';
  return 'partly';
}

import { addDays, addMonths } from './calendar';
import { daysBetween } from './dates';
import type { ReportType } from './engagement';

/** What a roll forward proposes for the next engagement when the user does not say otherwise. */
export interface NextPeriod {
  reportType: ReportType;
  asOf: string | null;
  period: { start: string; end: string } | null;
}

/** The last day a report covers: a Type II period's end, a Type I as-of date. */
export function periodEndOf(engagement: {
  reportType: ReportType;
  asOf: string | null;
  period: { start: string; end: string } | null;
}): string | null {
  return engagement.reportType === 'type1' ? engagement.asOf : (engagement.period?.end ?? null);
}

/**
 * The next period after an engagement, or null when the engagement has no dates yet (the user
 * must then give them). Type II: from the day after the period ends, the same length; a period
 * of whole calendar months stays whole months (2026-01-01..2026-12-31 → 2027-01-01..2027-12-31,
 * whatever the leap years), any other keeps its number of days. Type I: the as-of date a year on.
 */
export function nextPeriodOf(engagement: {
  reportType: ReportType;
  asOf: string | null;
  period: { start: string; end: string } | null;
}): NextPeriod | null {
  if (engagement.reportType === 'type1') {
    if (!engagement.asOf) return null;
    return { reportType: 'type1', asOf: addMonths(engagement.asOf, 12), period: null };
  }
  const period = engagement.period;
  if (!period) return null;
  const start = addDays(period.end, 1);
  const months = wholeMonths(period.start, period.end);
  const end =
    months === null
      ? addDays(start, daysBetween(period.start, period.end))
      : addDays(addMonths(start, months), -1);
  return { reportType: 'type2', asOf: null, period: { start, end } };
}

/** The number of calendar months when a period runs from a month's first day to a month's last. */
function wholeMonths(start: string, end: string): number | null {
  if (!start.endsWith('-01') || addDays(end, 1).slice(8) !== '01') return null;
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

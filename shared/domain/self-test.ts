/**
 * The rules of a management self-test that are not about sizes or selection (T, issue 18): the
 * items a control's occurrence windows offer for sampling, when a deviation is reportable, what a
 * control's deviations do to the criteria it serves, and the words a result is shown in.
 */
import type { Frequency, Nature } from './catalog';
import { addDays, daysInclusive } from './calendar';
import type { DeviationState } from './coverage';
import { periodWindows } from './occurrences';

export interface FrameItem {
  label: string;
  date: string | null;
  data: Record<string, string>;
}

/**
 * The items a control's occurrences offer over a period: its counted windows (quarters, months,
 * ISO weeks, cycles), every day of the period for a daily control, or the period itself for an
 * automated one (its configuration). Per-event and continuous controls have no windows to draw
 * from: null — they are sampled from a population.
 */
export function occurrenceItems(
  frequency: Frequency,
  nature: Nature,
  period: { start: string; end: string },
): FrameItem[] | null {
  const window = (start: string, end: string, label: string): FrameItem => ({
    label,
    date: end,
    data: { start, end },
  });
  if (nature === 'automated') {
    return [
      window(period.start, period.end, `Configuration over ${period.start} to ${period.end}`),
    ];
  }
  if (frequency === 'per_event' || frequency === 'continuous') return null;
  if (frequency === 'daily') {
    const days = daysInclusive(period.start, period.end);
    return Array.from({ length: days }, (_, i) => {
      const day = addDays(period.start, i);
      return window(day, day, day);
    });
  }
  return periodWindows(frequency, period.start, period.end)
    .filter((w) => w.counted)
    .map((w) => window(w.start, w.end, `${w.start} to ${w.end}${w.partial ? ' (partial)' : ''}`));
}

export interface DeviationFacts {
  occurredOn: string | null;
  remediatedOn: string | null;
  extent: 'isolated' | 'systematic';
  withdrawn: boolean;
}

/**
 * Every deviation dated inside the period is reportable, remediated or not: remediation never
 * erases it. One that happened before the period and was remediated by its start is not — catching
 * it early is the point of self-testing. An undated one is reportable (it cannot be placed before).
 */
export function isReportable(d: DeviationFacts, periodStart: string): boolean {
  if (d.withdrawn) return false;
  if (d.occurredOn === null || d.occurredOn >= periodStart) return true;
  return !(d.remediatedOn !== null && d.remediatedOn <= periodStart);
}

/** What a control's deviations do to the criteria it serves (the coverage hook). */
export function deviationStateOf(
  deviations: readonly DeviationFacts[],
  periodStart: string,
): DeviationState {
  const counted = deviations.filter((d) => isReportable(d, periodStart));
  if (counted.some((d) => d.extent === 'systematic')) return 'systematic';
  return counted.length > 0 ? 'isolated' : 'none';
}

/** "Self-test: 1 deviation in 25 items" — never the auditor's "no exceptions noted". */
export function resultWording(deviations: number, items: number): string {
  const d = `${deviations} deviation${deviations === 1 ? '' : 's'}`;
  return `Self-test: ${d} in ${items} item${items === 1 ? '' : 's'}`;
}

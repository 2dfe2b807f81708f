/**
 * The rules of a management self-test that are not about sizes or selection (T, issue 18): the
 * items a control's occurrence windows offer for sampling, when a deviation is reportable, what a
 * control's deviations do to the criteria it serves, and the words a result is shown in.
 */
import type { Frequency, Nature } from './catalog';
import { addDays, daysInclusive } from './calendar';
import type { DeviationState } from './coverage';
import { periodWindows } from './occurrences';
import { cellDate } from './population';
import { decideDateOrder } from './requests-dates';
import type { RawCell } from './requests-values';

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

export interface PopulationItem extends FrameItem {
  /** The row's number in the file (1-based, the header counted). */
  row: number;
}

/**
 * The rows of a population an auditor samples from: every row after the header with anything in
 * it, except rows dated outside the window (an auditor samples from the window only; rows outside
 * the population's own window are already flagged when it was recorded). Undated rows stay, in
 * file order — unless `dropUndated`: a re-test over part of the period cannot place them in it.
 */
export function populationItems(
  grid: readonly (readonly RawCell[])[],
  dateColumn: string | null,
  window: { start: string; end: string; dropUndated?: boolean },
): PopulationItem[] {
  const blank = (c: RawCell) => c === null || (typeof c === 'string' && c.trim() === '');
  const text = (c: RawCell) =>
    c instanceof Date ? c.toISOString() : c === null ? '' : String(c).trim();
  const headerIndex = grid.findIndex((row) => row.some((c) => !blank(c)));
  if (headerIndex < 0) return [];
  const headers = grid[headerIndex]!.map((h, i) => text(h) || `Column ${i + 1}`);
  const column =
    dateColumn === null
      ? -1
      : headers.findIndex((h) => h.toLowerCase() === dateColumn.trim().toLowerCase());
  const rows: { row: number; cells: readonly RawCell[] }[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    if (grid[i]!.some((c) => !blank(c))) rows.push({ row: i + 1, cells: grid[i]! });
  }
  const { order } = decideDateOrder(
    rows.map((r) => (column < 0 ? '' : text(r.cells[column] ?? null))),
  );
  const out: PopulationItem[] = [];
  for (const r of rows) {
    const date = column < 0 ? null : cellDate(r.cells[column] ?? null, order);
    if (date === null ? window.dropUndated : date < window.start || date > window.end) continue;
    const data = Object.fromEntries(headers.map((h, i) => [h, text(r.cells[i] ?? null)]));
    const summary = headers
      .slice(0, 3)
      .map((_h, i) => text(r.cells[i] ?? null))
      .filter(Boolean)
      .join(' · ');
    out.push({ row: r.row, date, data, label: `Row ${r.row}${summary ? `: ${summary}` : ''}` });
  }
  return out;
}

const FALLBACK_ATTRIBUTE = 'The control was performed as described, by the person responsible';

/**
 * The attributes a test checks: the control's own list when it has one, else one per sentence of
 * its test procedure (at most 20), else one general attribute. The user edits them per test.
 */
export function seedAttributes(testAttributes: readonly string[], testProcedure: string): string[] {
  const own = testAttributes.map((a) => a.trim()).filter(Boolean);
  if (own.length > 0) return own.slice(0, 20);
  const sentences = testProcedure
    .split(/\r?\n|(?<=[.;])\s+/)
    .map((s) => s.replace(/^[-*•\d.)\s]+/, '').trim())
    .filter((s) => s.length > 3)
    .map((s) => (s.length > 500 ? `${s.slice(0, 499)}…` : s));
  return sentences.length > 0 ? sentences.slice(0, 20) : [FALLBACK_ATTRIBUTE];
}

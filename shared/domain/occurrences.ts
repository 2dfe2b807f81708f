/**
 * Occurrences (DESIGN §5, D1 item 4): which windows a control must operate in, from its frequency,
 * its nature and the engagement's actual period (or as-of date), and which instances — evidence
 * dated by the day the control was *performed* — fill them. Written once, pure, and reused by
 * readiness and the control's timeline.
 *
 * The rules, in short (docs/decisions.md says why):
 * - Quarterly, monthly and weekly windows follow the calendar (quarters, months, ISO weeks) and are
 *   clipped to the period. A clipped window **counts when the period covers at least half of its
 *   days**; a smaller sliver is shown but not expected (`not_counted`).
 * - Annual and semi-annual windows run from the period start in 12- or 6-month cycles. A period
 *   shorter than the cycle has one window, the period: an instance in it meets it; without one it
 *   is `not_occurring` — "not occurring in the period — agree it with your auditor".
 * - An instance belongs to the window its evidence covers (its window's or as-of date's end), or
 *   else to the window holding the day it was performed. It is on time when performed within its
 *   window or, where a linked policy promises a time limit (`deadline.ts`), within it after the
 *   window ends — for a per-event control, after the event the item covers (a leaver's last day)
 *   — and without one, before the next window of the same length ends. Later is `late`: a
 *   deviation candidate.
 * - At the evaluation date a counted window without an instance is `missing` once it has closed
 *   (its deadline passed), `scheduled` while open or in the future.
 * - Daily, continuous and per-event controls are evidenced by a population drawn from the system
 *   that triggers them (which the auditor samples), not by windows.
 * - Automated controls: one instance within the period (their configuration) plus the change
 *   history, relying on the IT general controls (change management CC8.1, access CC6.x); if those
 *   fail, the automated control must be sampled like a manual one (its frequency's windows). The
 *   change history is evidence linked as such (`changeHistory` on the instance): it is never an
 *   instance, and the windows it covers must together cover the period up to the evaluation date.
 * - Type I: the most recent instance within one cycle before the as-of date, and operating since
 *   on or before it.
 */
import type { Frequency, Nature } from './catalog';
import { addDays, addMonths, daysInclusive, isoWeekday, maxDate, minDate } from './calendar';
import { type Deadline, deadlineDay } from './deadline';

export { addBusinessDays } from './deadline';

export type OccurrenceEngagement =
  { type: 'type1'; asOf: string } | { type: 'type2'; start: string; end: string };

export interface Instance {
  id: string;
  /** The day the control was performed; an instance without one cannot be placed. */
  performedOn: string | null;
  /** What the evidence covers: a window, or one date (start = end). */
  covers?: { start: string; end: string } | null;
  /** Linked as the change history of an automated control's configuration, not an instance. */
  changeHistory?: boolean;
}

export interface OccurrenceInput {
  frequency: Frequency;
  nature: Nature;
  engagement: OccurrenceEngagement;
  /** Today, or the date readiness is computed for. */
  evaluatedOn: string;
  instances: readonly Instance[];
  /**
   * The time limit a linked policy promises (`deadline.ts`): counted from the end of the window
   * or, for a control evidenced per event (a population), from the event the item covers.
   */
  deadline?: Deadline | null;
  /** The IT general controls an automated control relies on. */
  itgcs?: 'effective' | 'failing' | 'unknown';
  operatingSince?: string | null;
}

export type WindowStatus =
  'met' | 'late' | 'missing' | 'scheduled' | 'not_counted' | 'not_occurring';

export interface OccurrenceWindow {
  start: string;
  end: string;
  /** Clipped by the period (or the cycle ran past it). */
  partial: boolean;
  status: WindowStatus;
  /** Instances on time, then late ones. */
  instances: string[];
  late: string[];
}

export interface Occurrences {
  /** How the control is evidenced. */
  mode: 'windows' | 'population' | 'automated' | 'type1';
  windows: OccurrenceWindow[];
  /** Late instances: deviation candidates for self-testing. */
  deviationCandidates: string[];
  /** Instances that fell in no window (performed outside the period, or undated). */
  unplaced: string[];
  /** An automated control whose ITGCs fail: it must be sampled. */
  mustSample: boolean;
  changeHistory: ChangeHistory;
  notes: string[];
}

/**
 * The configuration's change history of an automated control. `none`: no item is linked as it;
 * `partial`: some days due are covered by none of them (`gap`, the first such stretch);
 * `covered`: every day due is.
 */
export interface ChangeHistory {
  /**
   * Asked for: an automated control relied on for one instance of its configuration (Type II,
   * its IT general controls not failing). A sampled control, a manual one or a Type I report
   * rests on its instances alone.
   */
  required: boolean;
  status: 'covered' | 'partial' | 'none';
  /** The items linked as the change history. */
  items: string[];
  /**
   * What it must cover: the period up to the evaluation date; null when nothing is due. While the
   * period runs, the days after the latest item are still to come, not a gap.
   */
  due: { start: string; end: string } | null;
  gap: { start: string; end: string } | null;
}

export const NOT_OCCURRING_NOTE = 'Not occurring in the period — agree it with your auditor.';

const CYCLE_MONTHS: Partial<Record<Frequency, number>> = {
  annual: 12,
  semi_annual: 6,
  quarterly: 3,
  monthly: 1,
};

const POPULATION_FREQUENCIES: readonly Frequency[] = ['daily', 'continuous', 'per_event'];

/** The calendar (or cycle) windows over [start, end], unclipped. */
function rawWindows(frequency: Frequency, start: string, end: string): [string, string][] {
  const out: [string, string][] = [];
  if (frequency === 'weekly') {
    let from = addDays(start, 1 - isoWeekday(start));
    while (from <= end) {
      out.push([from, addDays(from, 6)]);
      from = addDays(from, 7);
    }
    return out;
  }
  const months = CYCLE_MONTHS[frequency] ?? 12;
  let from: string;
  if (frequency === 'annual' || frequency === 'semi_annual') from = start;
  else {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const first = Math.floor((m - 1) / months) * months + 1;
    from = `${String(y).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
  }
  while (from <= end) {
    const next = addMonths(from, months);
    out.push([from, addDays(next, -1)]);
    from = next;
  }
  return out;
}

function onTimeUntil(
  w: { start: string; end: string },
  i: Instance,
  input: OccurrenceInput,
  perEvent: boolean,
): string {
  // Per event ("removed within 1 business day" of the leaving): from the event the item covers.
  if (input.deadline)
    return deadlineDay(perEvent ? (i.covers?.end ?? w.end) : w.end, input.deadline);
  // Without a promised deadline: before the next window of the same length ends.
  return addDays(w.end, daysInclusive(w.start, w.end));
}

/** The window an instance belongs to: by what it covers, else by when it was performed. */
function placeOf(i: Instance, windows: readonly { start: string; end: string }[]): number {
  const day = i.covers?.end ?? i.performedOn;
  if (!day) return -1;
  return windows.findIndex((w) => w.start <= day && day <= w.end);
}

function fill(
  input: OccurrenceInput,
  frames: { start: string; end: string; partial: boolean; counted: boolean }[],
  perEvent = false,
): Pick<Occurrences, 'windows' | 'deviationCandidates' | 'unplaced'> {
  const windows: OccurrenceWindow[] = frames.map((f) => ({
    start: f.start,
    end: f.end,
    partial: f.partial,
    status: 'scheduled',
    instances: [],
    late: [],
  }));
  const unplaced: string[] = [];
  const deviationCandidates: string[] = [];
  for (const i of input.instances) {
    const at = i.performedOn ? placeOf(i, windows) : -1;
    if (at < 0 || !i.performedOn) {
      unplaced.push(i.id);
      continue;
    }
    const w = windows[at]!;
    if (i.performedOn > onTimeUntil(w, i, input, perEvent)) {
      w.late.push(i.id);
      deviationCandidates.push(i.id);
    } else w.instances.push(i.id);
  }
  windows.forEach((w, k) => {
    const frame = frames[k]!;
    if (w.instances.length > 0) w.status = 'met';
    else if (w.late.length > 0) w.status = 'late';
    else if (!frame.counted) w.status = 'not_counted';
    else {
      const closedAfter = input.deadline && !perEvent ? deadlineDay(w.end, input.deadline) : w.end;
      w.status = closedAfter < input.evaluatedOn ? 'missing' : 'scheduled';
    }
  });
  return { windows, deviationCandidates, unplaced };
}

/** The windows of a Type II period for a frequency, clipped, with the partial-window rule. */
export function periodWindows(
  frequency: Frequency,
  start: string,
  end: string,
): { start: string; end: string; partial: boolean; counted: boolean }[] {
  return rawWindows(frequency, start, end).map(([from, to]) => {
    const clippedStart = maxDate(from, start);
    const clippedEnd = minDate(to, end);
    const partial = clippedStart !== from || clippedEnd !== to;
    const covered = daysInclusive(clippedStart, clippedEnd) / daysInclusive(from, to);
    const cycle = frequency === 'annual' || frequency === 'semi_annual';
    // A cycle-anchored window is the period itself when the period is shorter: it always counts
    // (an instance meets it; none is "not occurring", below).
    return { start: clippedStart, end: clippedEnd, partial, counted: cycle || covered >= 0.5 };
  });
}

/**
 * The stretch of `due` the items' windows leave uncovered first, or null. An item dated by one
 * day covers that day; an undated one covers none (a change log says which days it spans).
 */
function firstGap(
  due: { start: string; end: string },
  items: readonly Instance[],
): { start: string; end: string } | null {
  const spans = items
    .flatMap((i) => (i.covers ? [i.covers] : []))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let from = due.start;
  for (const s of spans) {
    if (from > due.end) break;
    if (s.start > from) return { start: from, end: minDate(addDays(s.start, -1), due.end) };
    if (s.end >= from) from = addDays(s.end, 1);
  }
  return from <= due.end ? { start: from, end: due.end } : null;
}

function changeHistoryOf(
  input: OccurrenceInput,
  items: readonly Instance[],
  required: boolean,
): ChangeHistory {
  const e = input.engagement;
  const due =
    required && e.type === 'type2' && input.evaluatedOn >= e.start
      ? { start: e.start, end: minDate(e.end, input.evaluatedOn) }
      : null;
  let gap = due && items.length > 0 ? firstGap(due, items) : null;
  // While the period runs, the days since the latest export are still to come (as an open window
  // is): only a gap from the period's start or between exports is one.
  const open = e.type === 'type2' && input.evaluatedOn <= e.end;
  if (open && gap && due && gap.end === due.end && gap.start > due.start) gap = null;
  return {
    required,
    status: items.length === 0 ? 'none' : gap ? 'partial' : 'covered',
    items: items.map((i) => i.id),
    due,
    gap,
  };
}

export function occurrences(input: OccurrenceInput): Occurrences {
  // The change history is read apart: it shows the configuration changed only as approved, not
  // that the control operated, so it fills no window.
  const history = input.instances.filter((i) => i.changeHistory === true);
  const instances =
    history.length > 0 ? input.instances.filter((i) => !i.changeHistory) : input.instances;
  return placed({ ...input, instances }, history);
}

function placed(input: OccurrenceInput, history: readonly Instance[]): Occurrences {
  const notes: string[] = [];
  const e = input.engagement;
  const automated = input.nature === 'automated';
  const mustSample = automated && input.itgcs === 'failing';

  if (e.type === 'type1') return typeOne(input, e.asOf, changeHistoryOf(input, history, false));

  if (automated && !mustSample) {
    notes.push(
      'Automated: one instance within the period (its configuration) plus the change history of that configuration; it relies on the IT general controls for change management (CC8.1) and access (CC6.x).',
    );
    if (input.itgcs !== 'effective') {
      notes.push('Link the IT general controls it relies on: if they fail, it must be sampled.');
    }
    const changeHistory = changeHistoryOf(input, history, true);
    if (changeHistory.status === 'none')
      notes.push(
        'No evidence is linked as its configuration’s change history: add the change log of its configuration over the period, dated by the window it covers.',
      );
    else if (changeHistory.gap)
      notes.push(
        `Its change history leaves ${changeHistory.gap.start} to ${changeHistory.gap.end} uncovered.`,
      );
    const result = fill(input, [{ start: e.start, end: e.end, partial: false, counted: true }]);
    return { mode: 'automated', ...result, mustSample: false, changeHistory, notes };
  }
  const changeHistory = changeHistoryOf(input, history, false);
  if (mustSample) {
    notes.push(
      'The IT general controls this automated control relies on are failing: an auditor will not rely on its configuration alone, so it must be sampled like a manual control.',
    );
  }

  if (POPULATION_FREQUENCIES.includes(input.frequency)) {
    notes.push(
      'Evidenced by a population drawn from the system that triggers the control, covering the period; the auditor samples from it.',
    );
    const frame = { start: e.start, end: e.end, partial: false, counted: true };
    const result = fill(input, [frame], true);
    return { mode: 'population', ...result, mustSample, changeHistory, notes };
  }

  const frames = periodWindows(input.frequency, e.start, e.end);
  const result = fill(input, frames);
  const months = CYCLE_MONTHS[input.frequency];
  if ((input.frequency === 'annual' || input.frequency === 'semi_annual') && months !== undefined) {
    for (const w of result.windows) {
      const short = addMonths(w.start, months) > addDays(w.end, 1);
      if (short && w.instances.length === 0 && w.late.length === 0) {
        w.status = 'not_occurring';
        if (!notes.includes(NOT_OCCURRING_NOTE)) notes.push(NOT_OCCURRING_NOTE);
      }
    }
  }
  return { mode: 'windows', ...result, mustSample, changeHistory, notes };
}

const TYPE1_CYCLE_DAYS: Partial<Record<Frequency, number>> = { weekly: 7, daily: 7 };

/**
 * Type I: the most recent instance within one cycle before the as-of date (annual: the year
 * before it; daily: the week before, to allow for weekends; per event and continuous: the year).
 */
function typeOne(input: OccurrenceInput, asOf: string, changeHistory: ChangeHistory): Occurrences {
  const notes: string[] = [];
  const months = CYCLE_MONTHS[input.frequency] ?? 12;
  const days = TYPE1_CYCLE_DAYS[input.frequency];
  const start = days ? addDays(asOf, 1 - days) : addDays(addMonths(asOf, -months), 1);
  const frame = { start, end: asOf, partial: false, counted: true };
  // Performed after the as-of date is not evidence of operation at it.
  const before = input.instances.filter((i) => i.performedOn !== null && i.performedOn <= asOf);
  const result = fill({ ...input, instances: before, deadline: null }, [frame]);
  result.unplaced.push(...input.instances.filter((i) => !before.includes(i)).map((i) => i.id));
  const w = result.windows[0]!;
  // The most recent instance first: it is the one a Type I report rests on.
  const byDate = new Map(input.instances.map((i) => [i.id, i.performedOn ?? '']));
  w.instances.sort((a, b) => (byDate.get(b)! < byDate.get(a)! ? -1 : 1));
  if (w.status === 'scheduled' && input.evaluatedOn > asOf) w.status = 'missing';
  if (input.operatingSince && input.operatingSince > asOf) {
    notes.push(
      `Operating since ${input.operatingSince}, after the as-of date ${asOf}: it cannot be reported as operating at that date.`,
    );
  }
  return { mode: 'type1', ...result, mustSample: false, changeHistory, notes };
}

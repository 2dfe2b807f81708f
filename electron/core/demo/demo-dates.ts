/**
 * Every date in the demo, derived from "today" so the demo never looks stale: a six-month Type II
 * period that ends at the close of next month (under way, ending soon), a subservice report
 * that ended two months ago, a risk assessment early in the period, and tasks due around now —
 * exactly one of them overdue, on purpose, so the dashboard has something to point at.
 *
 * With today 2026-05-15 these are the dates the demo had when they were written by hand
 * (period 1 Jan – 30 Jun 2026), which keeps older screenshots and specs comparable.
 */
export interface DemoDates {
  period: { start: string; end: string };
  subserviceReport: { start: string; end: string; reviewedOn: string };
  /** The report's end to the period's end, for the bridge-letter note. */
  bridgeGap: string;
  /** A significant change during the period, never after today. */
  changeOn: string;
  /** "No incidents" as far as anyone can say: the period's end, or today while it runs. */
  noIncidentsAsOf: string;
  riskAssessedOn: string;
  /** Due dates for the demo's tasks, by position; only the first is before today. */
  taskDue(index: number): string;
  /** When each demo risk is next reviewed, spread over the coming quarter. */
  riskReviewOn(index: number): string;
  /** The engagement's kick-off: the vault made and the people added, two weeks before the period. */
  kickoff: string;
  /** A day `days` after the period's start (policies approved and acknowledged early on). */
  periodDay(days: number): string;
  /** The review frozen three weeks ago, before the last windows' evidence came in. */
  reviewFrozenOn: string;
  /** The last week's work: populations exported, a sample drawn and tested (days before today). */
  daysAgo(days: number): string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from `date`'s month. */
function monthStart(date: string, offset: number): string {
  const [y, m] = parts(date);
  return iso(Date.UTC(y, m - 1 + offset, 1));
}

/** The last day of the month `offset` months from `date`'s month. */
function monthEnd(date: string, offset: number): string {
  const [y, m] = parts(date);
  return iso(Date.UTC(y, m + offset, 0));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(Date.UTC(y, m - 1, d + days));
}

/** "1 Apr – 30 Jun 2026", the way a person writes a range. */
function spoken(start: string, end: string): string {
  const [sy, sm, sd] = parts(start);
  const [ey, em, ed] = parts(end);
  const left = `${sd} ${MONTHS[sm - 1]}${sy === ey ? '' : ` ${sy}`}`;
  return `${left} – ${ed} ${MONTHS[em - 1]} ${ey}`;
}

const earlier = (a: string, b: string) => (a < b ? a : b);

export function demoDates(today: string): DemoDates {
  const end = monthEnd(today, 1);
  const start = monthStart(end, -5);
  const reportEnd = monthEnd(today, -2);
  const reportStart = monthStart(reportEnd, -5);
  return {
    period: { start, end },
    subserviceReport: { start: reportStart, end: reportEnd, reviewedOn: addDays(today, -3) },
    bridgeGap: `${spoken(addDays(reportEnd, 1), end)}: request a bridge letter`,
    changeOn: earlier(addDays(start, 60), today),
    noIncidentsAsOf: earlier(end, today),
    riskAssessedOn: addDays(start, 19),
    taskDue: (index) => (index === 0 ? addDays(today, -7) : addDays(today, index < 3 ? 16 : 138)),
    riskReviewOn: (index) => addDays(today, 30 + 10 * index),
    kickoff: addDays(start, -14),
    // Today is at least four months into the period, so these are all in the past.
    periodDay: (days) => earlier(addDays(start, days), today),
    reviewFrozenOn: addDays(today, -21),
    daysAgo: (days) => addDays(today, -days),
  };
}

/**
 * Deadlines a policy promises ("access removed within 1 business day", D2) as the occurrence
 * rules use them (D1 item 4). Dates are days, so a limit in hours ends on the day the hours run
 * out (72 hours after Monday is Thursday). Business days are Monday to Friday: Attest keeps no
 * holiday calendar, so a public holiday counts as a working day (the deadline is never later
 * than the policy allows; at worst an instance is flagged a day early, and only as a candidate).
 */
import { addDays, isoWeekday } from './calendar';
import type { TimeUnit } from './policy-template';

export interface Deadline {
  amount: number;
  unit: TimeUnit;
}

/** A time limit promised by a policy for a control: the deadline and where it comes from. */
export interface PromisedDeadline extends Deadline {
  policyId: string;
  policyTitle?: string;
  promiseId: string;
  /** The promise's words, shown wherever the deadline marks an instance late. */
  text: string;
}

/** Adds business days (Monday to Friday; public holidays are not known here). */
export function addBusinessDays(date: string, days: number): string {
  let d = date;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) left--;
  }
  return d;
}

/** The last day on which something due from `from` is on time. */
export function deadlineDay(from: string, d: Deadline): string {
  if (d.unit === 'business_days') return addBusinessDays(from, d.amount);
  if (d.unit === 'hours') return addDays(from, Math.ceil(d.amount / 24));
  return addDays(from, d.amount);
}

/**
 * One deadline per control. When its policies promise several (AC-05: the identity provider
 * within 1 business day, other accounts within 2), the strictest holds: an instance is only
 * flagged as a candidate for a deviation, and a late one missed is worse than one checked and
 * cleared. Compared on a common Monday so business days weigh as they fall; ties keep the first.
 */
export function strictestDeadline<D extends Deadline>(list: readonly D[]): D | null {
  const monday = '2026-01-05';
  let best: D | null = null;
  for (const d of list) {
    if (!best || deadlineDay(monday, d) < deadlineDay(monday, best)) best = d;
  }
  return best;
}

export function describeDeadline(d: Deadline): string {
  const unit =
    d.unit === 'business_days'
      ? d.amount === 1
        ? 'business day'
        : 'business days'
      : d.unit === 'hours'
        ? d.amount === 1
          ? 'hour'
          : 'hours'
        : d.amount === 1
          ? 'day'
          : 'days';
  return d.amount === 0 ? 'the same day' : `within ${d.amount} ${unit}`;
}

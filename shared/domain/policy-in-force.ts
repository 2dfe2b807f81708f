/**
 * Which approved version of a policy is in force on a date. A version is in force from its
 * effective date (its approval date unless another was stated) until the day before the next
 * approved version takes effect; two versions effective the same day — the later number wins.
 */

export interface ApprovedVersion {
  id: string;
  number: number;
  effectiveOn: string;
}

export interface InForcePeriod {
  id: string;
  number: number;
  from: string;
  /** The last day in force; null while still in force. */
  until: string | null;
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months to an ISO date, clamping to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Every approved version's period in force, oldest first; a version superseded the day it began is left out. */
export function inForcePeriods(versions: readonly ApprovedVersion[]): InForcePeriod[] {
  const ordered = [...versions].sort((a, b) =>
    a.effectiveOn === b.effectiveOn ? a.number - b.number : a.effectiveOn < b.effectiveOn ? -1 : 1,
  );
  const out: InForcePeriod[] = [];
  ordered.forEach((v, i) => {
    const next = ordered[i + 1];
    if (next && next.effectiveOn === v.effectiveOn) return; // replaced on its first day
    out.push({
      id: v.id,
      number: v.number,
      from: v.effectiveOn,
      until: next ? dayBefore(next.effectiveOn) : null,
    });
  });
  return out;
}

/** The period in force on `date`, or null when no approved version had taken effect by then. */
export function inForceOn(
  versions: readonly ApprovedVersion[],
  date: string,
): InForcePeriod | null {
  return (
    inForcePeriods(versions).find((p) => p.from <= date && (p.until === null || date <= p.until)) ??
    null
  );
}

/** The periods that overlap `[start, end]` (inclusive): what an export of that period includes. */
export function inForceDuring(
  versions: readonly ApprovedVersion[],
  start: string,
  end: string,
): InForcePeriod[] {
  return inForcePeriods(versions).filter(
    (p) => p.from <= end && (p.until === null || p.until >= start),
  );
}

/** Adds calendar days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

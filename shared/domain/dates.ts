/**
 * Calendar dates are `YYYY-MM-DD` strings without a time zone; instants are UTC ISO strings.
 * These helpers never touch the local time zone, so they give the same answer everywhere.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Months covered by an inclusive period, counting a partial month as a fraction. */
export function periodMonths(start: string, end: string): number {
  return (daysBetween(start, end) + 1) / (365.25 / 12);
}

import { isIsoDate, periodMonths } from '../../../../shared/domain/dates';
import { formatDate, formatDateRange } from '../../../components/format';

/**
 * A Type II period outside three to twelve months is allowed but unusual: say so, as a warning
 * (the contract refuses only an end before the start).
 */
export function periodLengthWarning(start: string, end: string): string | null {
  if (!isIsoDate(start) || !isIsoDate(end) || end <= start) return null;
  const months = periodMonths(start, end);
  if (months < 3 - 0.05)
    return `This period is about ${Math.max(1, Math.round(months))} month${Math.round(months) > 1 ? 's' : ''} long. Auditors rarely accept a Type II period shorter than three months.`;
  if (months > 12 + 0.05)
    return `This period is about ${Math.round(months)} months long. A Type II period normally covers at most twelve months.`;
  return null;
}

function addDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The stretch of our period a vendor's report does not reach, which a bridge letter must cover:
 * "1 Apr – 30 Jun 2026", or null when the report reaches the end of our period.
 */
export function bridgeGap(reportEnd: string | null, ourEnd: string | null, locale?: string) {
  if (!reportEnd || !ourEnd || !isIsoDate(reportEnd) || reportEnd >= ourEnd) return null;
  const start = addDay(reportEnd);
  return start === ourEnd ? formatDate(start, locale) : formatDateRange(start, ourEnd, locale);
}

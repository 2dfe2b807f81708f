import { isIsoDate } from '../../../../shared/domain/dates';
import { formatDate, formatDateRange } from '../../../components/format';

function addDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The stretch of our period a vendor's report does not reach, ISO, or null when the report
 * reaches the end of our period (the readiness rule's gap, `bridgeGapOf`).
 */
export function bridgeGapDates(
  reportEnd: string | null,
  ourEnd: string | null,
): { start: string; end: string } | null {
  if (!reportEnd || !ourEnd || !isIsoDate(reportEnd) || reportEnd >= ourEnd) return null;
  return { start: addDay(reportEnd), end: ourEnd };
}

/**
 * The stretch of our period a vendor's report does not reach, which a bridge letter must cover:
 * "1 Apr – 30 Jun 2026", or null when the report reaches the end of our period.
 */
export function bridgeGap(reportEnd: string | null, ourEnd: string | null, locale?: string) {
  const gap = bridgeGapDates(reportEnd, ourEnd);
  if (!gap) return null;
  return gap.start === gap.end
    ? formatDate(gap.start, locale)
    : formatDateRange(gap.start, gap.end, locale);
}

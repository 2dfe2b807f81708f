import { REPORT_TYPE_LABELS, type ReportType } from '../../shared/domain/engagement';

/**
 * Pure display helpers. Dates cross the contract as ISO strings and are shown in the user's
 * locale; calendar dates (`YYYY-MM-DD`) are formatted in UTC so they never shift by a day.
 */

type Locale = string | undefined;

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const dayFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** `2026-06-30` → "30 Jun 2026" (en-GB) / "Jun 30, 2026" (en-US). */
export function formatDate(iso: string, locale?: Locale): string {
  return dayFormat(locale).format(utcDate(iso));
}

/** An inclusive period: "1 Jan – 30 Jun 2026" (en-GB), sharing what both ends have in common. */
export function formatDateRange(start: string, end: string, locale?: Locale): string {
  return dayFormat(locale).formatRange(utcDate(start), utcDate(end));
}

/** A UTC instant in local time: "12 Mar 2026, 14:05". */
export function formatInstant(iso: string, locale?: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export interface ReportScope {
  reportType: ReportType;
  asOf: string | null;
  period: { start: string; end: string } | null;
}

/** "Type II · 1 Jan – 30 Jun 2026", "Type I · as of 30 Jun 2026", or just the type if unset. */
export function formatReportScope(scope: ReportScope, locale?: Locale): string {
  const type = REPORT_TYPE_LABELS[scope.reportType];
  if (scope.reportType === 'type1' && scope.asOf) {
    return `${type} · as of ${formatDate(scope.asOf, locale)}`;
  }
  if (scope.reportType === 'type2' && scope.period) {
    return `${type} · ${formatDateRange(scope.period.start, scope.period.end, locale)}`;
  }
  return type;
}

/** "1 category", "3 categories". */
export function plural(count: number, one: string, many = `${one}s`, locale?: Locale): string {
  return `${new Intl.NumberFormat(locale).format(count)} ${count === 1 ? one : many}`;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale?: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return plural(bytes, 'byte', 'bytes', locale);
  const digits = value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

/** Seconds left as "about 2 min", "12 s". */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  return `about ${Math.round(seconds / 360) / 10} h`;
}

/** A long hash shortened for display: first 8 and last 4 characters. */
export function shortHash(hash: string): string {
  return hash.length <= 16 ? hash : `${hash.slice(0, 8)}…${hash.slice(-4)}`;
}

/** Groups of four, easier to read aloud and compare by eye. */
export function groupHash(hash: string): string {
  return hash.match(/.{1,4}/g)?.join(' ') ?? hash;
}

/** The last part of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

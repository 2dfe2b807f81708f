/**
 * Dates as auditors write them in request lists: ISO (`2026-03-31`), numeric with the day or the
 * month first (`31/03/2026`, `03/31/2026`), with month names (`31 Mar 2026`, `Mar 31, 2026`,
 * `31-Mar-26`), and Excel's own serial numbers. Everything returns `YYYY-MM-DD` or null.
 */
import { daysInMonth, isIsoDate } from './dates';

/** Day first (`31/03/2026`) or month first (`03/31/2026`) for numeric dates. */
export type DateOrder = 'dmy' | 'mdy';

/**
 * The order used when a file's numeric dates never show which one it is (every day ≤ 12). SOC 2
 * is a US (AICPA) attestation and most request lists come from US firms, which write the month
 * first; each such value is still reported so the user can choose the other order.
 */
export const DEFAULT_DATE_ORDER: DateOrder = 'mdy';

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINAL = '(?:st|nd|rd|th)?';

const DATE_PATTERN = new RegExp(
  [
    String.raw`(?<iso>\b(?<iy>\d{4})[-/.](?<im>\d{1,2})[-/.](?<id>\d{1,2})(?!\d))`,
    String.raw`(?<num>\b(?<na>\d{1,2})[/.\-](?<nb>\d{1,2})[/.\-](?<ny>\d{4}|\d{2})(?![\d/.\-]\d))`,
    String.raw`(?<dm>\b(?<dmd>\d{1,2})${ORDINAL}[\s\-]+(?<dmm>${MONTH})\.?,?[\s\-]+(?<dmy>\d{4}|\d{2})(?!\d))`,
    String.raw`(?<md>\b(?<mdm>${MONTH})\.?[\s\-]+(?<mdd>\d{1,2})${ORDINAL},?\s+(?<mdy>\d{4})(?!\d))`,
  ].join('|'),
  'gi',
);

/** How a numeric date reads: only one way, either way, or the same both ways (01/01). */
type NumericReading = 'dmy' | 'mdy' | 'either' | 'same' | 'neither';

interface DateToken {
  /** The date for a given order, or null when it is not a calendar date that way. */
  resolve(order: DateOrder): string | null;
  reading: NumericReading | 'fixed';
}

const iso = (y: number, m: number, d: number): string | null => {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
};
const fullYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));
const monthNumber = (name: string): number =>
  MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;

function numericToken(a: number, b: number, y: number): DateToken {
  const dmy = iso(y, b, a);
  const mdy = iso(y, a, b);
  const reading: NumericReading =
    dmy && mdy ? (dmy === mdy ? 'same' : 'either') : dmy ? 'dmy' : mdy ? 'mdy' : 'neither';
  return { reading, resolve: (order) => (order === 'dmy' ? dmy : mdy) };
}

function fixed(date: string | null): DateToken {
  return { reading: 'fixed', resolve: () => date };
}

/** Every date written in `text`, in order. */
function scanDates(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const g = m.groups!;
    if (g.iso) tokens.push(fixed(iso(Number(g.iy), Number(g.im), Number(g.id))));
    else if (g.num) tokens.push(numericToken(Number(g.na), Number(g.nb), fullYear(g.ny!)));
    else if (g.dm) tokens.push(fixed(iso(fullYear(g.dmy!), monthNumber(g.dmm!), Number(g.dmd))));
    else if (g.md) tokens.push(fixed(iso(Number(g.mdy), monthNumber(g.mdm!), Number(g.mdd))));
  }
  return tokens;
}

/** Words and dashes that join the two ends of a period. */
const RANGE_SEPARATOR = /\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b)\s*/gi;

/**
 * The dates of a text that may be a period. Two dates joined by a dash without spaces
 * (`01/01/2026-06/30/2026`) do not read as two dates whole — the dash looks like part of a date —
 * so when the whole does not give two, each separator is tried as the split: one date on each
 * side makes it a period.
 */
function scanPeriodDates(text: string): DateToken[] {
  const whole = scanDates(text);
  if (whole.length === 2) return whole;
  for (const m of text.matchAll(RANGE_SEPARATOR)) {
    const left = scanDates(text.slice(0, m.index));
    if (left.length !== 1) continue;
    const right = scanDates(text.slice(m.index + m[0].length));
    if (right.length === 1) return [left[0]!, right[0]!];
  }
  return whole;
}

export interface DateOrderDecision {
  order: DateOrder;
  /** `given` by the user, decided by the `file`'s unambiguous values, or the `default`. */
  source: 'given' | 'file' | 'default';
  /** Values that read as a valid date either way (03/04/2026) under a default order. */
  ambiguousValues: number;
  /** Some values only work day-first and others only month-first. */
  conflicting: boolean;
}

/**
 * Decides the numeric date order for one file from the values that can only be read one way
 * (31/03/2026 is day-first; 03/31/2026 month-first). A file is consistent, so one unambiguous
 * value settles it; a file showing both takes the majority and is flagged as conflicting.
 */
export function decideDateOrder(texts: readonly string[], given?: DateOrder): DateOrderDecision {
  let dmy = 0;
  let mdy = 0;
  let either = 0;
  for (const text of texts) {
    for (const t of scanPeriodDates(text)) {
      if (t.reading === 'dmy') dmy++;
      else if (t.reading === 'mdy') mdy++;
      else if (t.reading === 'either') either++;
    }
  }
  const conflicting = dmy > 0 && mdy > 0;
  if (given) return { order: given, source: 'given', ambiguousValues: 0, conflicting };
  if (dmy === 0 && mdy === 0) {
    return { order: DEFAULT_DATE_ORDER, source: 'default', ambiguousValues: either, conflicting };
  }
  const order: DateOrder = dmy === mdy ? DEFAULT_DATE_ORDER : dmy > mdy ? 'dmy' : 'mdy';
  return { order, source: 'file', ambiguousValues: 0, conflicting };
}

export interface ParsedDate {
  date: string | null;
  /** True when the text reads as a different valid date in the other order. */
  ambiguous: boolean;
}

/** One date written in `text` (words around it are tolerated), or null. */
export function parseDateText(text: string, order: DateOrder): ParsedDate {
  const tokens = scanDates(text);
  if (tokens.length !== 1) return { date: null, ambiguous: false };
  const token = tokens[0]!;
  return { date: token.resolve(order), ambiguous: token.reading === 'either' };
}

export interface ParsedPeriod {
  start: string | null;
  end: string | null;
  asOf: string | null;
  ambiguous: boolean;
  /** Two dates were found but the second is before the first. */
  reversed: boolean;
}

const QUARTER = /\b(?:q([1-4])[\s-]*(?:fy)?(\d{4})|(\d{4})[\s-]*q([1-4]))\b/i;
const MONTH_YEAR = new RegExp(String.raw`^\s*(${MONTH})\.?[\s\-]+(\d{4})\s*$`, 'i');

/**
 * A period or as-of date as written: two dates are a period, one date is an as-of date, and a
 * quarter ("Q1 2026") or a month ("March 2026") is the period it names. Anything else (e.g.
 * "audit period") yields no dates; the text itself is always kept by the caller.
 */
export function parsePeriodText(text: string, order: DateOrder): ParsedPeriod {
  const none = { start: null, end: null, asOf: null, ambiguous: false, reversed: false };
  const tokens = scanPeriodDates(text);
  const ambiguous = tokens.some((t) => t.reading === 'either');
  if (tokens.length === 1) return { ...none, asOf: tokens[0]!.resolve(order), ambiguous };
  if (tokens.length === 2) {
    const start = tokens[0]!.resolve(order);
    const end = tokens[1]!.resolve(order);
    if (!start || !end) return { ...none, ambiguous };
    if (end < start) return { ...none, ambiguous, reversed: true };
    return { ...none, start, end, ambiguous };
  }
  if (tokens.length > 2) return none;
  const q = QUARTER.exec(text);
  if (q) {
    const quarter = Number(q[1] ?? q[4]);
    const year = Number(q[2] ?? q[3]);
    const endMonth = quarter * 3;
    return {
      ...none,
      start: iso(year, endMonth - 2, 1),
      end: iso(year, endMonth, daysInMonth(year, endMonth)),
    };
  }
  const my = MONTH_YEAR.exec(text);
  if (my) {
    const year = Number(my[2]);
    const month = monthNumber(my[1]!);
    return { ...none, start: iso(year, month, 1), end: iso(year, month, daysInMonth(year, month)) };
  }
  return none;
}

/** Excel serials from 1990 to 2099: a bare number outside that is not meant as a due date. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73050;

/**
 * An Excel date serial (1900 date system, which counts a 29 February 1900 that never existed, so
 * serials from 61 on are one day ahead of a plain day count from 1899-12-31) as `YYYY-MM-DD`.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A spreadsheet date cell as text: the calendar date, plus the time when there is one. Spreadsheet
 * readers hand dates over as UTC instants, rounded here to the second to absorb float noise.
 */
export function spreadsheetDateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const text = rounded.toISOString();
  return text.slice(11, 19) === '00:00:00'
    ? text.slice(0, 10)
    : `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}

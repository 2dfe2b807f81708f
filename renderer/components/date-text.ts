/**
 * Reading a calendar date as people type it, in their own locale: `2026-06-30`, `30/06/2026`
 * (day first where the locale writes the day first, `06/30/2026` where it writes the month first;
 * a day above 12 settles it either way), `30 Jun 2026`, `June 30, 2026`. The answer is ISO
 * `YYYY-MM-DD`, the only form dates take in Attest, or null for anything that is not one real day.
 *
 * Years have four digits and ISO days and months two: a date typed left to right is then never
 * read as another valid day on its way (`2026-06-3` before `2026-06-30`, `30/06/20` before
 * `30/06/2026`), so a field can save each date it reads.
 */

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date of year/month/day, or null when there is no such day (31 Feb). */
export function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whether the locale writes a numeric date month first (en-US) rather than day first. */
export function monthFirst(locale?: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(2026, 10, 22)));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
  return order[0] === 'month';
}

const namesByLocale = new Map<string, Map<string, number>>();

/** Month names of the locale and of English, long and short, lower case → 1–12. */
function monthNames(locale?: string): Map<string, number> {
  const known = namesByLocale.get(locale ?? '');
  if (known) return known;
  const names = new Map<string, number>();
  namesByLocale.set(locale ?? '', names);
  for (let m = 1; m <= 12; m++) {
    const english = ENGLISH_MONTHS[m - 1]!;
    names.set(english, m);
    names.set(english.slice(0, 3), m);
    if (english === 'september') names.set('sept', m);
    for (const month of ['long', 'short'] as const) {
      const name = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' })
        .format(new Date(Date.UTC(2026, m - 1, 15)))
        .toLowerCase()
        .replace(/\.$/, '');
      names.set(name, m);
    }
  }
  return names;
}

export function parseDateText(text: string, locale?: string): string | null {
  const input = text.trim().toLowerCase().replace(/,/g, ' ');
  if (!input) return null;

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numeric = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(input);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const dayFirst = a > 12 ? true : b > 12 ? false : !monthFirst(locale);
    return dayFirst ? isoOf(year, b, a) : isoOf(year, a, b);
  }

  // Words: a month name with a day and a year, in either order ("30 jun 2026", "june 30 2026").
  const tokens = input.split(/[\s/.-]+/).filter(Boolean);
  if (tokens.length !== 3) return null;
  const names = monthNames(locale);
  const monthAt = tokens.findIndex((t) => names.has(t.replace(/\.$/, '')));
  if (monthAt < 0) return null;
  const month = names.get(tokens[monthAt]!.replace(/\.$/, ''))!;
  const numbers = tokens.filter((_, i) => i !== monthAt);
  if (!numbers.every((n) => /^\d+$/.test(n))) return null;
  const [first, second] = numbers as [string, string];
  const [day, year] = first.length === 4 ? [second, first] : [first, second];
  if (year.length !== 4) return null;
  return isoOf(Number(year), month, Number(day));
}

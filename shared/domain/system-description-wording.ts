import { CATEGORY_LABELS, type Category, type ReportType } from './engagement';
import type { SdDocument } from './system-description';

/** Phrases the drafts share. Dates are written out in full so no reader mistakes 03/04 for 04/03. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-06-30` → `30 June 2026`; anything else is returned unchanged. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function categoriesPhrase(categories: readonly Category[]): string {
  return listPhrase(categories.map((c) => CATEGORY_LABELS[c]));
}

export interface Timing {
  reportType: ReportType;
  asOf: string | null;
  period: { start: string; end: string } | null;
}

/** What a placeholder looks like: obvious in every format, and flagged by completeness. */
export function placeholder(what: string): string {
  return `[To be completed: ${what}]`;
}

/**
 * Splits text into plain and placeholder parts, so renderers can make the gaps stand out.
 * Works on edited Markdown too: whatever still reads `[To be completed: …]` is a gap.
 */
export function splitPlaceholders(text: string): { text: string; placeholder: boolean }[] {
  return text
    .split(/(\[To be completed:[^\]]*\])/)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, placeholder: part.startsWith('[To be completed:') }));
}

/** `throughout the period from 1 January 2026 to 30 June 2026` or `as of 31 March 2026`. */
export function timingPhrase(t: Timing): string {
  if (t.reportType === 'type2') {
    return t.period
      ? `throughout the period from ${longDate(t.period.start)} to ${longDate(t.period.end)}`
      : `throughout the period ${placeholder('the examination period')}`;
  }
  return t.asOf ? `as of ${longDate(t.asOf)}` : `as of ${placeholder('the as-of date')}`;
}

/** `1 January 2026 to 30 June 2026` or `31 March 2026`: for title lines. */
export function timingLabel(t: Timing): string {
  if (t.reportType === 'type2') {
    return t.period ? `${longDate(t.period.start)} to ${longDate(t.period.end)}` : 'period not set';
  }
  return t.asOf ? `As of ${longDate(t.asOf)}` : 'as-of date not set';
}

/** `Acme’s`, but `Amazon Web Services’`. */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}’` : `${name}’s`;
}

/** Text ending in a full stop unless it already ends in punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?:;)\]]$/.test(t) || t === '' ? t : `${t}.`;
}

/** `Title. Details` for a table cell; the title alone when there are no details. */
export function titled(title: string, details: string): string {
  const d = details.trim();
  return d ? `${sentence(title)} ${d}` : title.trim();
}

export function clientName(engagement: { client: string }): string {
  return engagement.client.trim() || '[client name]';
}

const DOCUMENT_FILE_STEM: Record<SdDocument, string> = {
  description: 'System-Description',
  assertion: 'Management-Assertion',
};

/**
 * `System-Description_Acme-Analytics-Ltd_2026-07-01.docx`: ASCII only (accents dropped, anything
 * else a dash), no spaces, short enough for any file system and for the package's path limit.
 */
export function exportFileName(
  document: SdDocument,
  client: string,
  date: string,
  extension: string,
): string {
  const ascii = client
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${DOCUMENT_FILE_STEM[document]}_${ascii || 'Client'}_${date}.${extension}`;
}

/**
 * Reading the values of an auditor's request list: criteria lists, control references, request
 * types and owners, each matched against what the vault knows. Pure; the caller passes the vault's
 * controls and people in.
 */
import { normaliseCriterionId } from './catalog';
import type { RequestType } from './requests';

/** A cell as a spreadsheet reader hands it over. */
export type RawCell = string | number | boolean | Date | null;

/**
 * Criterion-shaped text: "CC6.1", "cc 6.1", "CC-6.1", and point-of-focus numbering such as
 * "CC6.1.3", which names its criterion (CC6.1).
 */
const CRITERION_TEXT = /\b(PI|PP|CC|A|C|P)\s*-?\s*(\d{1,2})\s*\.\s*(\d{1,2})((?:\.\d+)*)/gi;
/** "CC6.1–6.3" / "CC6.1 - CC6.3" / "CC6.1 to CC6.3": a run within one group. */
const RANGE_GAP = /^\s*(?:[-–—]|to|through|thru)\s*$/i;
const SHORT_RANGE_END = /^\s*[-–—]\s*(\d{1,2})\s*\.\s*(\d{1,2})\b/;

const trimSeparators = (text: string) => text.replace(/^[\s,;/|&+]+|[\s,;/|&+]+$/g, '');

export interface ParsedCriteria {
  /** Canonical ids, in the order written, without duplicates. */
  ids: string[];
  /** Pieces that look like an attempt at a criterion but are not one ("CC10.1", "Logical access"). */
  unrecognised: string[];
}

/** Criteria as auditors list them: `CC3.1, CC3.2`, `;`, `/`, new lines, ranges, "CC 6.1". */
export function parseCriteriaList(text: string): ParsedCriteria {
  const ids: string[] = [];
  const unrecognised: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  const matches = [...text.matchAll(CRITERION_TEXT)];
  let previousEnd = 0;
  let previous: { prefix: string; major: number; minor: number } | null = null;
  for (const m of matches) {
    const between = text.slice(previousEnd, m.index);
    const prefix = m[1]!.toUpperCase();
    const id = normaliseCriterionId(`${prefix}${Number(m[2])}.${Number(m[3])}`);
    const leftover = between.replace(/[\s,;/|&+()]+|\band\b/gi, '');
    if (leftover && !RANGE_GAP.test(between)) unrecognised.push(trimSeparators(between));
    if (!id) unrecognised.push(m[0].trim());
    else if (previous && RANGE_GAP.test(between)) addRange(previous, id, add);
    else add(id);
    previous = id ? splitId(id) : null;
    previousEnd = m.index + m[0].length;
    const short = SHORT_RANGE_END.exec(text.slice(previousEnd));
    if (id && short && Number(short[1]) === previous!.major) {
      const end = normaliseCriterionId(`${previous!.prefix}${short[1]}.${Number(short[2])}`);
      if (end) addRange(previous!, end, add);
      previousEnd += short[0].length;
    }
  }
  const tail = text.slice(previousEnd);
  if (tail.replace(/[\s,;/|&+()]+|\band\b/gi, '')) unrecognised.push(trimSeparators(tail));
  return { ids, unrecognised };
}

function splitId(id: string): { prefix: string; major: number; minor: number } {
  const m = /^([A-Z]+)(\d)\.(\d)$/.exec(id)!;
  return { prefix: m[1]!, major: Number(m[2]), minor: Number(m[3]) };
}

function addRange(
  from: { prefix: string; major: number; minor: number },
  toId: string,
  add: (id: string) => void,
): void {
  const to = splitId(toId);
  if (to.prefix !== from.prefix || to.major !== from.major || to.minor < from.minor) {
    add(toId);
    return;
  }
  for (let minor = from.minor; minor <= to.minor; minor++) {
    const id = normaliseCriterionId(`${from.prefix}${from.major}.${minor}`);
    if (id) add(id);
  }
}

/** Splits a list cell on commas, semicolons, slashes, bars and new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n\r|/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const TYPE_WORDS: [RegExp, RequestType][] = [
  [/population|listing|list of|system[- ]generated|query/, 'population'],
  [/sample|selection|selected/, 'sample'],
  [/config|screen ?shot|setting|parameter/, 'configuration'],
  [/walk ?-?through|inquiry|enquiry|interview|observ|meeting|demo/, 'walkthrough'],
  [
    /document|policy|policies|procedure|\bdoc\b|report|plan|diagram|contract|agreement|record/,
    'document',
  ],
];

/** The request type a label names ("Population", "Screenshot", "Inquiry"), or null. */
export function guessRequestType(text: string): RequestType | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  return TYPE_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

export interface ControlRefEntry {
  id: string;
  ref: string;
}

/** "AC-01", "ac 1" and "AC01" are the same reference. */
export function controlRefKey(ref: string): string {
  return ref
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '')
    .replace(/(^|[A-Z])0+(?=\d)/g, '$1');
}

export interface ControlMatch {
  ids: string[];
  /** References that match no control (or several) of the vault. */
  unmatched: string[];
}

/** Control references matched to the vault's controls, exactly first, then loosely. */
export function matchControlRefs(text: string, controls: readonly ControlRefEntry[]): ControlMatch {
  const exact = new Map(controls.map((c) => [c.ref, c.id]));
  const loose = new Map<string, string[]>();
  for (const c of controls) {
    const key = controlRefKey(c.ref);
    loose.set(key, [...(loose.get(key) ?? []), c.id]);
  }
  const one = (ref: string): string | null => {
    const hit = exact.get(ref);
    if (hit) return hit;
    const candidates = loose.get(controlRefKey(ref)) ?? [];
    return candidates.length === 1 ? candidates[0]! : null;
  };
  const ids: string[] = [];
  const unmatched: string[] = [];
  for (const part of splitList(text)) {
    const words = part.split(/\s+/);
    const found = one(part);
    const each = found ? [found] : words.length > 1 ? words.map(one) : [null];
    if (each.every((id) => id !== null)) {
      for (const id of each) if (!ids.includes(id!)) ids.push(id!);
    } else {
      unmatched.push(part);
    }
  }
  return { ids, unmatched };
}

export interface PersonEntry {
  id: string;
  name: string;
  email: string;
}

const EMAIL = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/;

const nameKey = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export type PersonMatch = { personId: string } | { personId: null; reason: string };

/** An owner written by name or email ("Ana Lima", "ana@acme.io", "Ana Lima <ana@acme.io>"). */
export function matchPerson(text: string, people: readonly PersonEntry[]): PersonMatch {
  const email = EMAIL.exec(text)?.[0]?.toLowerCase();
  if (email) {
    const hit = people.filter((p) => p.email.toLowerCase() === email);
    if (hit.length === 1) return { personId: hit[0]!.id };
  }
  const name = nameKey(text.replace(EMAIL, '').replace(/[<>()]/g, ''));
  const byName = name ? people.filter((p) => nameKey(p.name) === name) : [];
  if (byName.length === 1) return { personId: byName[0]!.id };
  if (byName.length > 1) return { personId: null, reason: `several people are called "${text}"` };
  return { personId: null, reason: `no one in People matches "${text}"` };
}

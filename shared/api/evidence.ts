import { z } from 'zod';
import { isoDate, isoInstant, sortOf } from './common';
import { controlId, criterionIdSchema } from './controls';
import { personId } from './people';
import { requestId } from './requests';
import { idOf, localPath, text, vetted } from './text';
import { fileName } from './methods/blobs';

/**
 * The evidence vault (D1, DESIGN §4): a stored file — or a population drawn from the system that
 * triggers a control — a link (a URL: a ticket, a dashboard; nothing is fetched) or a written
 * note (Markdown: an inquiry, an observation), with the dates it is evidence *for* (performed on, as of or a window),
 * never the upload date, its links to controls and requests, who collected and who reviewed it,
 * and what superseded it.
 */
export const evidenceId = idOf('evd', 'evidence item');

export const EVIDENCE_KINDS = ['file', 'population', 'link', 'note'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Where an item's dates fall against the engagement: inside the period (Type II) or the year
 * before the as-of date (Type I), partly inside, outside, or not dated at all.
 */
export const WINDOW_STATUSES = ['inside', 'partly', 'outside', 'undated'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/** What the evidence is for: one date, or a window (both ends inclusive). */
export const evidenceWindow = z
  .object({ start: isoDate, end: isoDate })
  .strict()
  .refine((w) => w.start <= w.end, {
    message: 'The window must not end before it starts',
    path: ['end'],
  });

export const coverageInput = z.union([
  z.object({ asOf: isoDate }).strict(),
  z.object({ window: evidenceWindow }).strict(),
]);
export type CoverageInput = z.infer<typeof coverageInput>;

/** Files or whole folders (desktop and CLI: paths), or browser uploads (with their names). */
export const evidenceSource = z.union([
  z.object({ path: localPath }).strict(),
  z.object({ uploadId: idOf('up', 'upload'), fileName }).strict(),
]);
export type EvidenceSource = z.infer<typeof evidenceSource>;

const title = text({ max: 300, required: 'Give the evidence a title' });
const notes = text({ max: 10_000, multiline: true });
const source = text({ max: 300 });

/** Most characters of a link's URL, and of a note's text. */
export const URL_MAX = 2000;
export const NOTE_MAX = 100_000;

/** `scheme:` then `//authority` and the rest, the parts a web address has (RFC 3986, loosely). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WEB_ADDRESS = /^https?:\/\/([^/?#]*)([/?#].*)?$/i;

/**
 * Why a URL is refused as link evidence, or null (shared with the form in the renderer). Written
 * without `URL` so that shared/ stays free of the DOM and of Node; the renderer opens the address
 * through the external-open path, which checks it again.
 */
export function urlProblem(value: string): string | null {
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  // Only web addresses: a file:, javascript: or custom-scheme link would be handed to another
  // program, not shown, and an auditor could not follow it anyway.
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return 'Only web addresses (https:// or http://) can be linked';
  }
  const m = WEB_ADDRESS.exec(value);
  if (!m) return 'Give a full web address, starting with https:// or http://';
  const authority = m[1]!;
  if (authority.includes('@')) return 'Leave the user name and password out of the address';
  if (!/^(\[[0-9a-f:.]+\]|[^\s:[\]]+)(:\d{1,5})?$/i.test(authority)) {
    return 'The address names no site';
  }
  if (/\s/.test(value)) return 'A web address has no spaces; write them as %20';
  return null;
}

export const evidenceUrl = vetted(
  text({ max: URL_MAX, required: 'Give the web address' }).superRefine((value, ctx) => {
    const problem = value === '' ? null : urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

export const noteBody = text({
  max: NOTE_MAX,
  multiline: true,
  required: 'Write the note',
});

/** What every kind of evidence added shares: links, dates, who collected it, notes. */
const itemFields = {
  controlIds: z.array(controlId).max(200).default([]),
  requestIds: z.array(requestId).max(200).default([]),
  /** The day the control was performed (not the upload date). */
  performedOn: isoDate.optional(),
  coverage: coverageInput.optional(),
  collectedOn: isoDate.optional(),
  source: source.optional(),
  collectorId: personId.optional(),
  notes: notes.optional(),
  /**
   * Automated controls this item is the configuration's change history of (D1 item 4), rather
   * than an instance of; each is linked too when `controlIds` leaves it out.
   */
  changeHistoryFor: z.array(controlId).max(200).default([]),
};

export const evidenceAddInput = z
  .object({
    sources: z.array(evidenceSource).min(1, { message: 'Choose at least one file' }).max(1000),
    ...itemFields,
  })
  .strict();

/** A link as evidence: a URL and a title; no bytes are fetched (an offline app). */
export const evidenceLinkInput = z.object({ url: evidenceUrl, title, ...itemFields }).strict();
export type EvidenceLinkInput = z.output<typeof evidenceLinkInput>;

/** A written note as evidence (Markdown): an inquiry, an observation, a walkthrough. */
export const evidenceNoteInput = z.object({ title, body: noteBody, ...itemFields }).strict();
export type EvidenceNoteInput = z.output<typeof evidenceNoteInput>;

export const evidenceSchema = z.object({
  id: z.string(),
  /** EV-<n>: the number people and auditors quote. */
  ref: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  performedOn: z.string().nullable(),
  asOf: z.string().nullable(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  windowStatus: z.enum(WINDOW_STATUSES),
  collectedOn: z.string().nullable(),
  source: z.string().nullable(),
  collectorId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  notes: z.string(),
  file: z
    .object({ blobId: z.number().int(), name: z.string(), sha256: z.string(), size: z.number() })
    .nullable(),
  /** A link's web address (null for other kinds). */
  url: z.string().nullable(),
  controlIds: z.array(z.string()),
  /** The linked controls it is the configuration's change history of (the rest: instances). */
  changeHistoryFor: z.array(z.string()),
  requestIds: z.array(z.string()),
  supersededById: z.string().nullable(),
  supersededOn: z.string().nullable(),
  /** When it was added (the upload, not what it is evidence for). */
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const populationSchema = z.object({
  evidenceId: z.string(),
  sourceSystem: z.string(),
  query: z.string().nullable(),
  parameters: z.string().nullable(),
  ranAt: z.string().nullable(),
  completeness: z.string().nullable(),
  dateColumn: z.string().nullable(),
  window: z.object({ start: z.string(), end: z.string() }),
  rowCount: z.number().int(),
  rowsOutside: z.number().int(),
  rowsUndated: z.number().int(),
  outsideSample: z.array(z.object({ row: z.number().int(), date: z.string() })),
  /** The completeness and accuracy evidence: other items (the query, a reconciliation). */
  supportIds: z.array(z.string()),
  /** What Attest makes of it, in plain sentences (zero rows: what an auditor will do). */
  notes: z.array(z.string()),
  readAt: isoInstant,
});
export type Population = z.infer<typeof populationSchema>;

export const evidenceDetailSchema = evidenceSchema.extend({
  population: populationSchema.nullable(),
  /** A note's text (Markdown); null for other kinds. Not in the list: a page stays small. */
  body: z.string().nullable(),
  /** Older items this one superseded, newest first (history is kept). */
  supersedes: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
});
export type EvidenceDetail = z.infer<typeof evidenceDetailSchema>;

export const EVIDENCE_SORT_KEYS = ['ref', 'title', 'performedOn', 'createdAt'] as const;
export const evidenceSortSchema = sortOf(EVIDENCE_SORT_KEYS);
export type EvidenceSort = z.infer<typeof evidenceSortSchema>;
export const DEFAULT_EVIDENCE_SORT: EvidenceSort = { key: 'ref', dir: 'asc' };

export const evidenceFilter = z.object({
  controlId: controlId.optional(),
  criterionId: criterionIdSchema.optional(),
  requestId: requestId.optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  windowStatus: z.enum(WINDOW_STATUSES).optional(),
  reviewerId: personId.optional(),
  /** true: reviewed only; false: not reviewed only. */
  reviewed: z.boolean().optional(),
  /** Superseded items too (history); the current ones only by default. */
  includeSuperseded: z.boolean().default(false),
});
export type EvidenceFilter = z.infer<typeof evidenceFilter>;

export const evidencePatch = z
  .object({
    title: title.optional(),
    performedOn: isoDate.nullable().optional(),
    /** null: no longer dated. */
    coverage: coverageInput.nullable().optional(),
    collectedOn: isoDate.nullable().optional(),
    source: source.nullable().optional(),
    collectorId: personId.nullable().optional(),
    notes: notes.optional(),
    /** A link's address (links only). */
    url: evidenceUrl.optional(),
    /** A note's text (notes only). */
    body: noteBody.optional(),
    /** Exactly the linked automated controls it is the change history of (the rest: instances). */
    changeHistoryFor: z.array(controlId).max(200).optional(),
  })
  .strict();
export type EvidencePatch = z.infer<typeof evidencePatch>;

export const evidenceAddResultSchema = z.object({
  added: z.array(
    z.object({
      evidenceId: z.string(),
      ref: z.string(),
      fileName: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      /** Identical bytes were already stored: this item points at them (stored once). */
      deduplicated: z.boolean(),
    }),
  ),
  filesTotal: z.number().int(),
  bytesTotal: z.number().int(),
  /** Things in a folder that are not regular files (links, pipes), left out. */
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type EvidenceAddResult = z.infer<typeof evidenceAddResultSchema>;

export const reviewInput = z
  .object({
    id: evidenceId,
    /** null withdraws the review. */
    reviewerId: personId.nullable(),
    reviewedOn: isoDate.optional(),
  })
  .strict();

export const reviewResultSchema = z.object({
  evidence: evidenceSchema,
  /** Set when the review was not recorded, saying why (the reviewer performs the control). */
  warning: z.string().nullable(),
});

export const populationInput = z
  .object({
    id: evidenceId,
    sourceSystem: text({ max: 200, required: 'Name the system the population was drawn from' }),
    query: text({ max: 20_000, multiline: true }).optional(),
    parameters: text({ max: 5_000, multiline: true }).optional(),
    ranAt: z.union([isoDate, isoInstant]).optional(),
    completeness: text({ max: 5_000, multiline: true }).optional(),
    /** The header of the column holding each row's date; none: rows are not checked by date. */
    dateColumn: text({ max: 200 }).optional(),
    /** The window it covers; the item's window, else the engagement's period, when omitted. */
    window: evidenceWindow.optional(),
    supportIds: z.array(evidenceId).max(50).default([]),
  })
  .strict();

export const searchResultSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), ref: z.string(), title: z.string(), snippet: z.string() }),
  ),
});

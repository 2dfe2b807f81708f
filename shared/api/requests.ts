import { z } from 'zod';
import {
  AUDITOR_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestField,
} from '../domain/requests';
import { isoDate, isoInstant } from './common';
import { controlId, criterionIdSchema } from './controls';
import { personId } from './people';
import { idOf, text } from './text';

export const requestId = idOf('req', 'request');

/** One of the auditor's columns, as given. */
export const columnValueSchema = z.object({ header: z.string(), value: z.string() });

/** The period or as-of date as the auditor wrote it, plus the dates read from it when possible. */
export const requestPeriodSchema = z.object({
  text: z.string().nullable(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  asOf: isoDate.nullable(),
});

export const requestSchema = z.object({
  id: z.string(),
  /** The auditor's own reference, exactly as given (outer spaces trimmed). */
  ref: z.string(),
  description: z.string(),
  type: z.enum(REQUEST_TYPES).nullable(),
  wave: z.string().nullable(),
  criteria: z.array(z.string()),
  /** Controls linked by reference (from the file or by hand). */
  controlIds: z.array(z.string()),
  /** Active controls mapped to the linked criteria, computed from the current mapping. */
  controlIdsViaCriteria: z.array(z.string()),
  period: requestPeriodSchema,
  ownerId: z.string().nullable(),
  /** The owner as the file wrote it, kept when it matched no one in People. */
  ownerText: z.string().nullable(),
  reviewerId: z.string().nullable(),
  dueOn: isoDate.nullable(),
  status: z.enum(REQUEST_STATUSES),
  submittedOn: isoDate.nullable(),
  /** Set only from the auditor's side (with their response); read-only here. */
  auditorStatus: z.enum(AUDITOR_STATUSES).nullable(),
  overdue: z.boolean(),
  /** The auditor's row as last imported: every column, in the file's order and spelling. */
  auditorColumns: z.array(columnValueSchema),
  /** The columns of that row that feed no field (the auditor's own status among them). */
  extraColumns: z.array(columnValueSchema),
  /** The import that last changed it. */
  importId: z.string().nullable(),
  commentCount: z.number().int(),
  archived: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type AuditRequest = z.infer<typeof requestSchema>;

export const requestCommentSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  /** The vault's current user when it was written. */
  author: z.string(),
  authorPersonId: z.string().nullable(),
  body: z.string(),
  /**
   * `import`: the comments cell of an imported file, added once per distinct text. `auditor`:
   * from an auditor's response (`requests.importResponse`); the author names the auditor.
   */
  source: z.enum(['user', 'import', 'auditor']),
  createdAt: isoInstant,
});
export type RequestComment = z.infer<typeof requestCommentSchema>;

export const requestDetailSchema = z.object({
  request: requestSchema,
  comments: z.array(requestCommentSchema),
});
export type AuditRequestDetail = z.infer<typeof requestDetailSchema>;

/** What the consultant may change. The auditor's status is deliberately not here. */
export const requestPatch = z
  .object({
    description: text({ max: 20_000, multiline: true }),
    type: z.enum(REQUEST_TYPES).nullable(),
    wave: text({ max: 100, required: 'Name the wave, or clear it with null' }).nullable(),
    ownerId: personId.nullable(),
    reviewerId: personId.nullable(),
    dueOn: isoDate.nullable(),
    criteria: z.array(criterionIdSchema).max(61),
    controlIds: z.array(controlId).max(500),
  })
  .partial()
  .strict();
export type RequestPatch = z.infer<typeof requestPatch>;

export const requestFilter = z
  .object({
    /** Due before today and not yet submitted. */
    overdue: z.boolean().optional(),
    ownerId: personId.optional(),
    wave: text({ max: 100 }).optional(),
    /** Ready for review: what an internal reviewer should look at before a call. */
    waitingForReview: z.boolean().optional(),
    notSubmitted: z.boolean().optional(),
    status: z.enum(REQUEST_STATUSES).optional(),
    /** Matches the reference, the description and the auditor's columns. */
    search: text({ max: 200 }).optional(),
    includeArchived: z.boolean().default(false),
  })
  .strict();
export type RequestFilter = z.input<typeof requestFilter>;

/**
 * What `requests.list` can order by. `owner` sorts by the name shown (the person's name, else the
 * owner text the file gave); `status` and `auditorStatus` follow their workflow order. Empty
 * values come last whichever way; ties keep the auditor's reference order.
 */
export const REQUEST_SORT_KEYS = [
  'ref',
  'description',
  'type',
  'wave',
  'owner',
  'dueOn',
  'status',
  'auditorStatus',
  'commentCount',
] as const;
export type RequestSortKey = (typeof REQUEST_SORT_KEYS)[number];

export const requestSortSchema = z
  .object({ key: z.enum(REQUEST_SORT_KEYS), dir: z.enum(['asc', 'desc']) })
  .strict();
export type RequestSort = z.infer<typeof requestSortSchema>;

/** The auditor's own order (PBC-2 before PBC-10). */
export const DEFAULT_REQUEST_SORT: RequestSort = { key: 'ref', dir: 'asc' };

// A header cell may hold a line break (a quoted CSV cell), so it may have lines.
const headerText = text({ max: 500, required: 'Name a column', multiline: true });

/** Which column (by its header text) feeds which field. Unmapped columns are kept as extras. */
export const requestMappingSchema = z
  .object({
    ref: headerText,
    description: headerText.optional(),
    criteria: headerText.optional(),
    controls: headerText.optional(),
    type: headerText.optional(),
    period: headerText.optional(),
    owner: headerText.optional(),
    dueOn: headerText.optional(),
    wave: headerText.optional(),
    comments: headerText.optional(),
  })
  .strict();
// The mapping names exactly the fields a column can feed.
const sameFields: [
  Exclude<RequestField, keyof z.infer<typeof requestMappingSchema>>,
  Exclude<keyof z.infer<typeof requestMappingSchema>, RequestField>,
] extends [never, never]
  ? true
  : false = true;
void sameFields;
export type RequestMapping = z.infer<typeof requestMappingSchema>;

export const dateOrderSchema = z.enum(['dmy', 'mdy']);

export const rowProblemSchema = z.object({
  /** The row number as the spreadsheet shows it. */
  row: z.number().int(),
  /** The header of the column concerned, when there is one. */
  column: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type RowProblemOut = z.infer<typeof rowProblemSchema>;

export const importCountsSchema = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with an error (no request number, a repeated one): not saved. */
  skipped: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const dateOrderDecisionSchema = z.object({
  order: dateOrderSchema,
  /** `given` by the caller, decided by the `file`'s unambiguous dates, or the `default`. */
  source: z.enum(['given', 'file', 'default']),
  /** Dates that read either way and were read in the default order. */
  ambiguousValues: z.number().int(),
  /** Some dates only work day-first and others only month-first. */
  conflicting: z.boolean(),
});

/** How a file was read: what a preview shows and an import reports. */
const importReadingSchema = z.object({
  fileName: z.string(),
  /** The worksheet read (XLSX), null for CSV. */
  sheet: z.string().nullable(),
  /** The header row's number as the spreadsheet shows it. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: requestMappingSchema,
  /** True when the mapping was guessed from the headers rather than given. */
  guessed: z.boolean(),
  /** Headers that feed no field; their values are kept as extra columns. */
  unplacedHeaders: z.array(z.string()),
  dateOrder: dateOrderDecisionSchema,
  /** Data rows read (blank rows excluded). */
  totalRows: z.number().int(),
  counts: importCountsSchema,
  problems: z.array(rowProblemSchema),
  /** About the file as a whole, in plain sentences (a CSV mixing two text encodings). */
  warnings: z.array(z.string()),
});

/** A row as an import would save it. `null`: the file leaves that field empty. */
export const previewRowSchema = z.object({
  row: z.number().int(),
  outcome: z.enum(['new', 'updated', 'unchanged']),
  ref: z.string(),
  description: z.string().nullable(),
  type: z.enum(REQUEST_TYPES).nullable(),
  wave: z.string().nullable(),
  criteria: z.array(z.string()).nullable(),
  controlIds: z.array(z.string()).nullable(),
  period: requestPeriodSchema.nullable(),
  ownerId: z.string().nullable(),
  ownerText: z.string().nullable(),
  dueOn: isoDate.nullable(),
  comments: z.string().nullable(),
  extraColumns: z.array(columnValueSchema),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

/** How many rows a preview shows. */
export const PREVIEW_ROWS = 50;

export const importPreviewSchema = importReadingSchema.extend({
  rows: z.array(previewRowSchema).max(PREVIEW_ROWS),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importSummarySchema = importReadingSchema.extend({
  importId: z.string(),
  importedAt: isoInstant,
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

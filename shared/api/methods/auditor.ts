import { z } from 'zod';
import {
  commentItemSchema,
  newRequestItemSchema,
  responseItemId,
  responseItemSchema,
  samplePickItemSchema,
  statusItemSchema,
} from '../../domain/auditor/response';
import { method } from '../define';
import { generatedFileSchema, saveToSchema } from '../files';
import { packageVerifyReportSchema } from '../package-verify';
import { manifestDeltaSchema } from '../../domain/package/manifest';
import { text, vetted } from '../text';
import { fileSource } from './blobs';

const day = z.string().nullable();

/** An evidence id as a package names it (EV-0004): letters, digits, `-`, `_` or `.`. */
const packageEvidenceId = vetted(
  z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'Not an evidence id of this package (EV-…)'),
);

/** What auditor mode has open: the package as its verified manifest describes it. */
export const openPackageSchema = z.object({
  path: z.string(),
  engagement: z.string(),
  client: z.string().nullable(),
  /** The report the engagement prepares for, and its period (type 2) or date (type 1). */
  type: z.enum(['type1', 'type2']),
  periodStart: day,
  periodEnd: day,
  asOf: day,
  generatedAt: z.string(),
  /** Hex SHA-256 of the package's signing key. */
  fingerprint: z.string(),
  /** Hex SHA-256 of `manifest.json`'s bytes: which package a response answers. */
  manifestSha256: z.string(),
  filesChecked: z.number().int(),
  report: packageVerifyReportSchema,
  /**
   * Set when the package is a delta: when the package it follows was exported, the counts, and
   * the records it no longer shows (from the signed manifest). Null for a full package.
   */
  delta: manifestDeltaSchema
    .pick({ previousGeneratedAt: true, counts: true, removed: true })
    .nullable(),
});
export type OpenPackageInfo = z.infer<typeof openPackageSchema>;

const refs = z.array(z.string());

export const packageRequestSchema = z.object({
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  /** The request's type as the auditor's list gave it, when it had such a column. */
  type: z.string().nullable(),
  dueOn: z.string().nullable(),
  controls: refs,
  criteria: refs,
  /** Evidence ids (EV-0001) answering it. */
  evidence: refs,
});

export const packageCriterionSchema = z.object({
  id: z.string(),
  title: z.string(),
  controls: refs,
  evidence: refs,
});

export const packageControlSchema = z.object({
  ref: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  frequency: z.string().nullable(),
  criteria: refs,
  evidence: refs,
});

export const EVIDENCE_KINDS = ['evidence', 'population', 'population-support'] as const;

export const packageEvidenceSchema = z.object({
  /** The evidence id, EV-0001. */
  id: z.string(),
  title: z.string(),
  /** Its file in the package; null for a link, which the evidence index lists without a file. */
  file: z
    .object({
      /** Its path inside the package (what `/package-file/<path>` serves). */
      path: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      mediaType: z.string(),
    })
    .nullable(),
  /** A link's web address, as the evidence index gives it; null for a file. */
  url: z.string().nullable(),
  kind: z.enum(EVIDENCE_KINDS),
  controls: refs,
  criteria: refs,
  requests: refs,
  /** What period or date it covers, as the evidence index says it ("2026-01-01 to 2026-03-31"). */
  covers: z.string().nullable(),
  /**
   * The population the file belongs to: its own id for a population, the population it supports
   * for a completeness and accuracy file, null otherwise.
   */
  population: z.string().nullable(),
});

export const packagePopulationSchema = z.object({
  /** The population's evidence id (EV-0004): what a sample pick names. */
  id: z.string(),
  title: z.string(),
  path: z.string(),
  /** Data rows in the file; null when it cannot be read as a table. */
  rows: z.number().int().nullable(),
  dateColumn: z.string().nullable(),
  /** The period the rows should fall in, when the evidence index gives one. */
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** Evidence ids of its completeness and accuracy support. */
  support: refs,
});

export const packageDocumentSchema = z.object({
  path: z.string(),
  title: z.string(),
  kind: z.string(),
});

export const packageContentsSchema = z.object({
  requests: z.array(packageRequestSchema),
  criteria: z.array(packageCriterionSchema),
  controls: z.array(packageControlSchema),
  evidence: z.array(packageEvidenceSchema),
  populations: z.array(packagePopulationSchema),
  documents: z.array(packageDocumentSchema),
});
export type PackageContents = z.infer<typeof packageContentsSchema>;
export type PackageEvidence = z.infer<typeof packageEvidenceSchema>;
export type PackagePopulation = z.infer<typeof packagePopulationSchema>;

export const populationRowsSchema = z.object({
  columns: z.array(z.string()),
  dateColumn: z.string().nullable(),
  /** Rows matching the search (all rows without one). */
  total: z.number().int(),
  rows: z.array(
    z.object({
      /** Stable row key, `row-<n>` (n = the row's 1-based data row number): sample picks name rows by it. */
      key: z.string(),
      cells: z.array(z.string()),
      /** Its date falls outside the population's window. */
      outsideWindow: z.boolean(),
    }),
  ),
});
export type PopulationRows = z.infer<typeof populationRowsSchema>;

export const auditorIdentitySchema = z.object({
  name: z.string(),
  firm: z.string(),
  email: z.string().nullable(),
  /** Hex SHA-256 of the auditor's public key: what the consultant confirms by another channel. */
  fingerprint: z.string(),
});
export type AuditorIdentityInfo = z.infer<typeof auditorIdentitySchema>;

/** An item of the schema as the auditor gives it: the draft adds its id and time. */
function given<S extends z.ZodObject>(schema: S) {
  const { id: _id, at: _at, ...rest } = schema.shape;
  return z.object(rest).strict();
}

/** A draft item as given: a comment, a new request, a status for a request, or a sample pick. */
export const draftItemInputSchema = z.discriminatedUnion('kind', [
  given(commentItemSchema).refine(
    (c) => (c.requestRef === undefined) !== (c.evidenceId === undefined),
    { message: 'A comment is on one request or one evidence item' },
  ),
  given(newRequestItemSchema),
  given(statusItemSchema),
  given(samplePickItemSchema),
]);
export type DraftItemInputApi = z.infer<typeof draftItemInputSchema>;

const noPackage = 'answers conflict when no audit package is open';

/**
 * Auditor mode. These methods never change a vault (`mutates: false`): while a package is open no
 * vault is, and the dispatcher refuses every method declared `mutates`. Opening or closing a
 * package, and changes to the draft and identity (kept in ATTEST_HOME), are announced as the
 * `auditor` domain, so screens showing them re-read.
 */
export const auditorMethods = {
  'auditor.openPackage': method({
    summary:
      'Open an audit package read-only (a job): verified first with package.verify; opened only when verified, otherwise the report is the answer and nothing is opened',
    input: z.object({ source: fileSource }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: z.object({
      opened: z.boolean(),
      report: packageVerifyReportSchema,
      package: openPackageSchema.nullable(),
    }),
    mutates: false,
    reads: [],
  }),
  'auditor.closePackage': method({
    summary: 'Close the audit package open in auditor mode',
    input: z.object({}).strict(),
    output: z.object({ closed: z.boolean() }),
    mutates: false,
    reads: [],
  }),
  'auditor.package': method({
    summary: 'The audit package open in auditor mode, or null',
    input: z.object({}).strict(),
    output: openPackageSchema.nullable(),
    mutates: false,
    reads: ['auditor'],
  }),
  'auditor.contents': method({
    summary: `What the open package holds, cross-linked for browsing by request, criterion and control (from its manifest and 01_Index); ${noPackage}`,
    input: z.object({}).strict(),
    output: packageContentsSchema,
    mutates: false,
    reads: ['auditor'],
  }),
  'auditor.populationRows': method({
    summary: `A page of a population's rows in the open package, each with its stable key (row-<n>) and whether it falls outside the window; ${noPackage}`,
    input: z
      .object({
        /** The population's evidence id. */
        population: packageEvidenceId,
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        search: text({ max: 200 }).optional(),
      })
      .strict(),
    output: populationRowsSchema,
    mutates: false,
    reads: ['auditor'],
  }),
  'auditor.identity': method({
    summary: 'Who the auditor is (name, firm, key fingerprint), or null before they said',
    input: z.object({}).strict(),
    output: auditorIdentitySchema.nullable(),
    mutates: false,
    reads: ['auditor'],
  }),
  'auditor.setIdentity': method({
    summary:
      'Save who the auditor is; their signing key is created the first time and kept (a new name keeps the fingerprint)',
    input: z
      .object({
        name: text({ max: 200, required: 'Give your name' }),
        firm: text({ max: 200, required: 'Give your firm' }),
        email: text({ max: 320 }).optional(),
      })
      .strict(),
    output: auditorIdentitySchema,
    mutates: false,
    reads: [],
  }),
  'auditor.draft': method({
    summary: `The draft response to the open package (kept in ATTEST_HOME between sessions); ${noPackage}`,
    input: z.object({}).strict(),
    output: z.object({ items: z.array(responseItemSchema), updatedAt: z.string().nullable() }),
    mutates: false,
    reads: ['auditor'],
  }),
  'auditor.addItem': method({
    summary: `Add a comment, new request, request status (replacing the request's previous status) or sample pick to the draft; refs are checked against the package (not_found); ${noPackage}`,
    input: draftItemInputSchema,
    output: z.object({ item: responseItemSchema }),
    mutates: false,
    reads: [],
  }),
  'auditor.removeItem': method({
    summary: `Remove an item from the draft; ${noPackage}`,
    input: z.object({ id: vetted(responseItemId) }).strict(),
    output: z.object({ removed: z.boolean() }),
    mutates: false,
    reads: [],
  }),
  'auditor.saveResponse': method({
    summary: `Write the draft as a response file signed with the auditor's key (a job; to \`saveTo\`, or a download in a browser); refused without an identity or with an empty draft; ${noPackage}`,
    input: z.object({ saveTo: saveToSchema.optional() }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
};

import { z } from 'zod';
import { REQUEST_STATUSES } from '../../domain/requests';
import { isoDate, pageInput, pageOf } from '../common';
import { method } from '../define';
import { responseImportResultSchema, responsePreviewSchema } from '../auditor-response';
import { generatedFileSchema, saveToSchema } from '../files';
import {
  DEFAULT_REQUEST_SORT,
  dateOrderSchema,
  importPreviewSchema,
  importSummarySchema,
  requestDetailSchema,
  requestFilter,
  requestId,
  requestMappingSchema,
  requestPatch,
  requestSchema,
  requestSortSchema,
} from '../requests';
import { fileName, fileSource } from './blobs';
import { text } from '../text';

const importFile = {
  source: fileSource,
  /** The name the user sees (an upload's staged file has none of its own). */
  fileName,
  /** Day/month order for numeric dates; decided from the file when omitted. */
  dateOrder: dateOrderSchema.optional(),
};

export const requestMethods = {
  'requests.previewImport': method({
    summary:
      'Read an auditor’s request list (CSV or XLSX) and show how it would be imported; saves nothing',
    input: z.object({ ...importFile, mapping: requestMappingSchema.optional() }).strict(),
    output: importPreviewSchema,
    mutates: false,
    reads: [],
  }),
  'requests.import': method({
    summary:
      'Import an auditor’s request list (a job); a newer version updates requests by their reference',
    input: z.object({ ...importFile, mapping: requestMappingSchema }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: importSummarySchema,
    mutates: true,
    touches: ['requests'],
  }),
  'requests.list': method({
    summary:
      'The request list, filtered, sorted (the auditor’s reference order by default) and paged',
    input: pageInput
      .extend(requestFilter.shape)
      .extend({ sort: requestSortSchema.default(DEFAULT_REQUEST_SORT) })
      .strict(),
    output: pageOf(requestSchema),
    mutates: false,
    reads: ['requests', 'people', 'controls'],
  }),
  'requests.get': method({
    summary: 'One request with its follow-up thread',
    input: z.object({ id: requestId }).strict(),
    output: requestDetailSchema,
    mutates: false,
    reads: ['requests', 'people', 'controls', 'files'],
  }),
  'requests.update': method({
    summary: 'Edit a request: description, type, wave, owner, reviewer, due date, links',
    input: z.object({ id: requestId, patch: requestPatch }).strict(),
    output: requestSchema,
    mutates: true,
    touches: ['requests'],
  }),
  'requests.setStatus': method({
    summary:
      'Move a request through new → assigned → in progress → ready for review → submitted (reopen to leave submitted)',
    input: z
      .object({
        id: requestId,
        status: z.enum(REQUEST_STATUSES),
        /** Required to move a submitted request back. */
        reopen: z.boolean().default(false),
        /** When it was submitted, if not today (recorded late). */
        submittedOn: isoDate.optional(),
      })
      .strict(),
    output: requestSchema,
    mutates: true,
    touches: ['requests'],
  }),
  'requests.comment': method({
    summary: 'Add to a request’s follow-up thread',
    input: z
      .object({
        id: requestId,
        body: text({ max: 10_000, multiline: true, required: 'Write something' }),
      })
      .strict(),
    output: requestDetailSchema,
    mutates: true,
    touches: ['requests'],
  }),
  'requests.archive': method({
    summary: 'Archive or restore a request',
    input: z.object({ id: requestId, archived: z.boolean() }).strict(),
    output: requestSchema,
    mutates: true,
    touches: ['requests'],
  }),
  'requests.previewResponse': method({
    summary:
      'Read and check an auditor’s response file exactly as the import does (its package, signature and every record it names) and say what importing it would do; changes nothing',
    input: z.object({ source: fileSource }).strict(),
    output: responsePreviewSchema,
    mutates: false,
    reads: ['requests'],
  }),
  'requests.importResponse': method({
    summary:
      'Import an auditor’s response file for a package this vault exported: auditor statuses, comments, new and sample-pick requests (a second import of the same items changes nothing); answers the auditor key’s fingerprint to confirm by another channel',
    input: z.object({ source: fileSource }).strict(),
    output: responseImportResultSchema,
    mutates: true,
    touches: ['requests'],
  }),
  'requests.export': method({
    summary:
      'The request list as CSV or XLSX: the auditor’s columns as given, then ours (a job; written to `saveTo`, or a download in a browser)',
    input: z.object({ format: z.enum(['csv', 'xlsx']), saveTo: saveToSchema.optional() }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
} as const;

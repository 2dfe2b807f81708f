import { z } from 'zod';
import { controlId } from '../controls';
import { method } from '../define';
import { generatedFileSchema } from '../files';
import {
  attributesInput,
  deviationId,
  deviationPatch,
  deviationSchema,
  drawInput,
  planInput,
  samplePlanSchema,
  selfTestDetailSchema,
  selfTestId,
  selfTestSummarySchema,
  setCellInput,
  setCellResultSchema,
  sizeTableViewSchema,
  worksheetInput,
} from '../self-tests';
import { text } from '../text';

/**
 * Management self-testing (T): every answer carries the label "management self-test — your
 * auditor selects its own items"; results read "Self-test: N deviations in M items".
 */
export const selfTestMethods = {
  'selfTests.sizeTable': method({
    summary:
      'The sample-size table in force (the defaults or the auditor’s own), with where its guidance comes from',
    input: z.object({}).strict(),
    output: sizeTableViewSchema,
    mutates: false,
    reads: ['selfTests'],
  }),
  'selfTests.importSizeTable': method({
    summary:
      'Use the auditor’s own sample-size table (JSON in the format `selfTests.sizeTable` shows), or null to return to the defaults',
    input: z.object({ json: text({ max: 100_000, multiline: true }).nullable() }).strict(),
    output: sizeTableViewSchema,
    mutates: true,
    touches: ['selfTests'],
  }),
  'selfTests.plan': method({
    summary:
      'What a self-test of a control would draw from (its population or occurrence windows), how many items and why, and any flag (completeness evidence missing)',
    input: planInput,
    output: samplePlanSchema,
    mutates: false,
    reads: ['selfTests', 'controls', 'evidence', 'engagement'],
  }),
  'selfTests.draw': method({
    summary:
      'Draw a sample for a control (a job): random from a recorded seed or systematic from a recorded start, the chosen rows stored with the test',
    input: drawInput,
    output: z.object({ jobId: z.string() }),
    jobResult: selfTestDetailSchema,
    mutates: true,
    touches: ['selfTests'],
  }),
  'selfTests.expand': method({
    summary:
      'After a deviation, expand a sample to the next size of the table (a job), keeping every item already tested; refused for low-frequency controls',
    input: z.object({ id: selfTestId }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: selfTestDetailSchema,
    mutates: true,
    touches: ['selfTests'],
  }),
  'selfTests.list': method({
    summary:
      'Self-tests, of one control or all, oldest first, each with its result (“Self-test: N deviations in M items”) and flags',
    input: z.object({ controlId: controlId.optional() }).strict(),
    output: z.array(selfTestSummarySchema),
    mutates: false,
    reads: ['selfTests', 'controls', 'evidence', 'engagement'],
  }),
  'selfTests.get': method({
    summary: 'One self-test: how it was drawn, the sampled items, attributes, grid and deviations',
    input: z.object({ id: selfTestId }).strict(),
    output: selfTestDetailSchema,
    mutates: false,
    reads: ['selfTests', 'controls', 'evidence', 'engagement'],
  }),
  'selfTests.setAttributes': method({
    summary:
      'Edit the attributes a test checks (kept ones by id, new ones without); one with results cannot be removed',
    input: attributesInput,
    output: selfTestDetailSchema,
    mutates: true,
    touches: ['selfTests'],
  }),
  'selfTests.setCell': method({
    summary:
      'Record pass, fail or not applicable for an item and attribute, with a note and the evidence that shows it; a fail becomes a deviation',
    input: setCellInput,
    output: setCellResultSchema,
    mutates: true,
    touches: ['selfTests'],
  }),
  'selfTests.deviations': method({
    summary:
      'Deviations, of one control or all: reportable or not, and whether management’s response is missing',
    input: z.object({ controlId: controlId.optional() }).strict(),
    output: z.array(deviationSchema),
    mutates: false,
    reads: ['selfTests', 'engagement'],
  }),
  'selfTests.updateDeviation': method({
    summary:
      'Record a deviation’s date, extent (isolated or systematic), compensating control, root cause, remediation and management response — none of them closes it',
    input: z.object({ id: deviationId, patch: deviationPatch }).strict(),
    output: deviationSchema,
    mutates: true,
    touches: ['selfTests'],
  }),
  'selfTests.exportWorksheet': method({
    summary:
      'The testing worksheet of a self-test as XLSX (a job; written to `saveTo`, or a download in a browser)',
    input: worksheetInput,
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
} as const;

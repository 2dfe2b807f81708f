import { z } from 'zod';
import type { Domain } from '../domains';
import { method } from '../define';
import { generatedFileSchema, saveToSchema } from '../files';
import {
  agendaSchema,
  readinessSchema,
  reviewComparisonSchema,
  snapshotSchema,
  snapshotSummarySchema,
  timelinesSchema,
} from '../readiness';
import { idOf, text } from '../text';

/** Everything a readiness review reads (its rules' facts and the criteria's coverage). */
const REVIEW_READS: readonly Domain[] = [
  'engagement',
  'people',
  'criteria',
  'controls',
  'assessments',
  'risks',
  'tasks',
  'sd',
  'evidence',
  'policies',
  'selfTests',
];

const snapshotId = idOf('rvw', 'frozen review');

/** Longest comment on a frozen review (the renderer's counter reads it from here). */
export const SNAPSHOT_COMMENT_MAX = 2000;

export const readinessMethods = {
  'readiness.get': method({
    summary:
      'The readiness review as of today: findings (blocking first) by rule, and the share of checks passing',
    input: z.object({}).strict(),
    output: readinessSchema,
    mutates: false,
    reads: REVIEW_READS,
  }),
  'readiness.timelines': method({
    summary:
      'Each in-scope control over the period: its windows (reviewed, not reviewed, late, missing, scheduled), its latest self-test and its open deviations',
    input: z.object({}).strict(),
    output: timelinesSchema,
    mutates: false,
    reads: [
      'engagement',
      'people',
      'controls',
      'assessments',
      'evidence',
      'policies',
      'selfTests',
      'criteria',
    ],
  }),
  'readiness.freeze': method({
    summary:
      'Freeze the readiness review as of today, signed off by a person: an immutable snapshot with the audit chain’s head',
    input: z
      .object({
        signedOffById: idOf('per', 'person'),
        comment: text({ max: SNAPSHOT_COMMENT_MAX, multiline: true }).default(''),
      })
      .strict(),
    output: snapshotSummarySchema,
    mutates: true,
    touches: ['reviews'],
  }),
  'readiness.snapshots': method({
    summary: 'The frozen reviews, newest first, with their figures',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(snapshotSummarySchema) }),
    mutates: false,
    reads: ['reviews', 'people'],
  }),
  'readiness.snapshot': method({
    summary: 'One frozen review in full: its findings, figures and criteria as they stood',
    input: z.object({ id: snapshotId }).strict(),
    output: snapshotSchema,
    mutates: false,
    reads: ['reviews', 'people'],
  }),
  'readiness.compare': method({
    summary:
      'Compare a frozen review with a later one, or with the review as of today: what improved, what regressed, and the figures',
    input: z.object({ fromId: snapshotId, toId: snapshotId.optional() }).strict(),
    output: reviewComparisonSchema,
    mutates: false,
    reads: ['reviews', ...REVIEW_READS],
  }),
  'readiness.agenda': method({
    summary:
      'What is due this week (evidence windows closing, tasks, policy reviews), what is overdue, and samples with items left to test',
    input: z.object({}).strict(),
    output: agendaSchema,
    mutates: false,
    reads: ['controls', 'assessments', 'tasks', 'evidence', 'policies', 'selfTests', 'engagement'],
  }),
  'readiness.report': method({
    summary:
      'The readiness report as PDF (a job): written to `saveTo`, or a download in a browser; never into the vault',
    input: z.object({ saveTo: saveToSchema.optional() }).strict(),
    output: z.object({ jobId: z.string() }),
    jobResult: generatedFileSchema,
    mutates: false,
    reads: [],
  }),
} as const;

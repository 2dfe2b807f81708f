import { z } from 'zod';
import { method } from '../define';
import { generatedFileSchema, saveToSchema } from '../files';
import { agendaSchema, readinessSchema } from '../readiness';

export const readinessMethods = {
  'readiness.get': method({
    summary:
      'The readiness review as of today: findings (blocking first) by rule, and the share of checks passing',
    input: z.object({}).strict(),
    output: readinessSchema,
    mutates: false,
    reads: [
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
    ],
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

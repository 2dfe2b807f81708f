import { z } from 'zod';
import { method } from '../define';
import { readinessSchema } from '../readiness';

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
} as const;

import { z } from 'zod';
import { method } from '../define';
import { criterionCoverageSchema, gapSchema } from '../gaps';

export const coverageMethods = {
  'coverage.get': method({
    summary: 'Coverage of every in-scope criterion and the gaps ordered by severity',
    input: z.object({}).strict(),
    output: z.object({ criteria: z.array(criterionCoverageSchema), gaps: z.array(gapSchema) }),
    mutates: false,
    reads: ['assessments', 'controls', 'criteria', 'risks', 'tasks', 'engagement', 'sd'],
  }),
} as const;

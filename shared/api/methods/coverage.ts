import { z } from 'zod';
import { method } from '../define';
import {
  criterionCoverageSchema,
  descriptionFindingSchema,
  gapSchema,
  unassessedControlSchema,
} from '../gaps';

export const coverageMethods = {
  'coverage.get': method({
    summary: 'Coverage of every in-scope criterion and the gaps ordered by severity',
    input: z.object({}).strict(),
    output: z.object({
      criteria: z.array(criterionCoverageSchema),
      gaps: z.array(gapSchema),
      /** Controls not assessed yet, by reference: never gaps, shown as "not assessed yet". */
      notAssessed: z.array(unassessedControlSchema),
      /** Supporting controls in the description without reviewed evidence: major findings. */
      descriptionFindings: z.array(descriptionFindingSchema),
    }),
    mutates: false,
    reads: [
      'assessments',
      'controls',
      'criteria',
      'risks',
      'tasks',
      'engagement',
      'sd',
      'evidence',
      'selfTests',
    ],
  }),
} as const;

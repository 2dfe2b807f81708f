import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../../domain/coverage';
import { pageInput, pageOf, sortOf } from '../common';
import { controlId } from '../controls';
import { method } from '../define';
import {
  ASSESSED_SORT_KEYS,
  assessInput,
  assessedControlFilter,
  assessedControlSchema,
  assessmentSchema,
  gapSummarySchema,
} from '../gaps';
import { text } from '../text';

export const assessmentMethods = {
  'assessments.list': method({
    summary: 'Every control’s assessment with progress counts and warnings',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(assessmentSchema), summary: gapSummarySchema }),
    mutates: false,
    reads: ['assessments', 'controls', 'criteria', 'risks', 'tasks'],
  }),
  'assessments.controls': method({
    summary:
      'Controls with their assessment state and warnings, filtered, sorted and paged (the gap analysis’ table; active controls unless asked)',
    input: pageInput
      .extend(assessedControlFilter.shape)
      .extend({ sort: sortOf(ASSESSED_SORT_KEYS).optional() })
      .strict(),
    output: pageOf(assessedControlSchema),
    mutates: false,
    // Apart from `controls.list` so that assessing a control re-reads this table, not every
    // list of controls; warnings read the engagement's period, owner order the people.
    reads: ['assessments', 'controls', 'criteria', 'people', 'engagement'],
  }),
  'assessments.set': method({
    summary: 'Assess one control (not applicable needs a reason)',
    input: assessInput,
    output: assessmentSchema,
    mutates: true,
    touches: ['assessments'],
  }),
  'assessments.setMany': method({
    summary:
      'Give several controls the same status at once (all or nothing): the ones named, or every control a filter selects',
    input: z
      .object({
        controlIds: z.array(controlId).min(1).max(1000).optional(),
        /** "Select all matching": the filter of `assessments.controls`, resolved on the server. */
        matching: assessedControlFilter.optional(),
        /** With `matching`: controls unticked after "select all matching". */
        except: z.array(controlId).max(1000).optional(),
        status: z.enum(ASSESSMENT_STATUSES),
        naReason: text({ max: 2000, multiline: true }).nullable().default(null),
      })
      .strict()
      .refine((v) => (v.controlIds === undefined) !== (v.matching === undefined), {
        path: ['controlIds'],
        message: 'Name the controls, or give the filter that selects them — one of the two',
      })
      .refine((v) => v.except === undefined || v.matching !== undefined, {
        path: ['except'],
        message: 'Controls left out of a filter need the filter',
      })
      .refine((v) => v.status !== 'not_applicable' || !!v.naReason, {
        path: ['naReason'],
        message: 'Say why the controls do not apply',
      }),
    output: z.object({ items: z.array(assessmentSchema) }),
    mutates: true,
    touches: ['assessments'],
  }),
} as const;

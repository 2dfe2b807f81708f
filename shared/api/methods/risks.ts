import { z } from 'zod';
import { isoDate, pageInput, pageOf, sortOf } from '../common';
import { method } from '../define';
import {
  RISK_SORT_KEYS,
  newRiskInput,
  riskCellSchema,
  riskPatch,
  riskSchema,
  starterRiskSchema,
} from '../risks';
import { idOf, text } from '../text';

const riskId = idOf('rsk', 'risk');

export const riskMethods = {
  'risks.list': method({
    summary:
      'The risk register (archived risks too when asked), the starter risks still to decide, and the assessment date',
    input: pageInput
      .extend({
        includeArchived: z.boolean().default(false),
        search: text({ max: 200 }).optional(),
        /** Only the risks in one cell of the inherent or the residual matrix. */
        cell: riskCellSchema.optional(),
        sort: sortOf(RISK_SORT_KEYS).optional(),
      })
      .strict(),
    output: pageOf(riskSchema).extend({
      starters: z.array(starterRiskSchema),
      assessedOn: isoDate.nullable(),
    }),
    mutates: false,
    reads: ['risks', 'engagement'],
  }),
  'risks.create': method({
    summary: 'Add a risk',
    input: newRiskInput,
    output: riskSchema,
    mutates: true,
    touches: ['risks'],
  }),
  'risks.update': method({
    summary: 'Edit a risk',
    input: z.object({ id: riskId, patch: riskPatch }).strict(),
    output: riskSchema,
    mutates: true,
    touches: ['risks'],
  }),
  'risks.archive': method({
    summary: 'Archive or restore a risk',
    input: z.object({ id: riskId, archived: z.boolean() }).strict(),
    output: riskSchema,
    mutates: true,
    touches: ['risks'],
  }),
  'risks.decideStarter': method({
    summary: 'Accept a starter risk into the register, or discard it',
    input: z
      .object({ key: text({ max: 100, required: 'Name the starter risk' }), accept: z.boolean() })
      .strict(),
    output: z.object({ risk: riskSchema.nullable() }),
    mutates: true,
    touches: ['risks'],
  }),
  'risks.setAssessedOn': method({
    summary: 'Record when the risk assessment was performed',
    input: z.object({ date: isoDate.nullable() }).strict(),
    output: z.object({ assessedOn: isoDate.nullable() }),
    mutates: true,
    touches: ['risks', 'engagement'],
  }),
} as const;

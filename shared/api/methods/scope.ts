import { z } from 'zod';
import { CATEGORIES, REPORT_TYPES, normaliseCategories } from '../../domain/engagement';
import { isoDate, pageOf, pageInput, sortOf } from '../common';
import {
  CONTROL_SORT_KEYS,
  controlFilter,
  controlId,
  controlPatch,
  controlItgcsSchema,
  controlSchema,
  criterionIdSchema,
  itgcLinkInput,
  newControlInput,
  setCriterionRoleInput,
  vaultCriterionSchema,
} from '../controls';
import { method } from '../define';
import { engagementSchema, periodSchema } from '../vault';
import { text } from '../text';

const contact = z.object({
  name: text({ max: 200 }),
  role: text({ max: 200 }).default(''),
  email: text({ max: 320 }).default(''),
});

/** Scope fields the wizard saves step by step; the merged result must still be consistent. */
export const engagementPatch = z
  .object({
    name: text({ max: 200, required: 'Give the engagement a name' }),
    client: text({ max: 200 }),
    services: text({ max: 5000, multiline: true }),
    auditorFirm: text({ max: 200 }),
    contacts: z.array(contact).max(50),
    reportType: z.enum(REPORT_TYPES),
    asOf: isoDate.nullable(),
    period: periodSchema.nullable(),
    categories: z.array(z.enum(CATEGORIES)).transform(normaliseCategories),
    scopeStep: z.number().int().min(0).max(50),
  })
  .partial()
  .strict();
export type EngagementPatch = z.input<typeof engagementPatch>;

export const scopeChangeSchema = z.object({
  catalogVersion: z.string(),
  criteriaInScope: z.number().int(),
  controlsInScope: z.number().int(),
  added: z.array(z.string()),
  archived: z.array(z.string()),
  restored: z.array(z.string()),
});

export const scopeMethods = {
  'scope.update': method({
    summary: 'Save engagement and scope answers (a wizard step); saved at once, no confirm needed',
    input: engagementPatch,
    output: engagementSchema,
    mutates: true,
    touches: ['engagement', 'vault'],
  }),
  'scope.confirm': method({
    summary: 'Apply the scope: copy criteria, instantiate library controls, archive descoped ones',
    input: z.object({}).strict(),
    output: scopeChangeSchema,
    mutates: true,
    touches: ['engagement', 'criteria', 'controls'],
  }),
  'criteria.list': method({
    summary: 'The vault’s criteria in catalog order with their mapped controls',
    input: z.object({ inScopeOnly: z.boolean().default(true) }).strict(),
    output: z.object({ items: z.array(vaultCriterionSchema) }),
    mutates: false,
    reads: ['criteria', 'controls', 'engagement'],
  }),
  'criteria.setNotRelevant': method({
    summary: 'Mark an in-scope criterion not relevant with a reason (DC 8), or clear the mark',
    input: z
      .object({ id: criterionIdSchema, reason: text({ max: 2000, multiline: true }).nullable() })
      .strict(),
    output: vaultCriterionSchema,
    mutates: true,
    touches: ['criteria'],
  }),
  'controls.list': method({
    summary: 'Controls, filtered, sorted and paged (by reference unless asked)',
    input: pageInput
      .extend(controlFilter.shape)
      .extend({ sort: sortOf(CONTROL_SORT_KEYS).optional() })
      .strict(),
    output: pageOf(controlSchema),
    mutates: false,
    // A control carries nothing of its assessment: assessing one must not re-read every control.
    // The owner's name is searched and sorted by, so people are read.
    reads: ['controls', 'criteria', 'people'],
  }),
  'controls.get': method({
    summary: 'One control',
    input: z.object({ id: controlId }).strict(),
    output: controlSchema,
    mutates: false,
    reads: ['controls', 'criteria', 'people'],
  }),
  'controls.update': method({
    summary: 'Edit a control (any field, including its criteria mapping)',
    input: z.object({ id: controlId, patch: controlPatch }).strict(),
    output: controlSchema,
    mutates: true,
    touches: ['controls', 'criteria'],
  }),
  'controls.setCriterionRole': method({
    summary:
      'Mark a control key or supporting for one of its criteria; demoting a key control needs a reason, kept in the audit log',
    input: setCriterionRoleInput,
    output: controlSchema,
    mutates: true,
    touches: ['controls', 'criteria'],
  }),
  'controls.itgcs': method({
    summary:
      'The IT general controls a control relies on, whether each is met, and whether it must be sampled',
    input: z.object({ id: controlId }).strict(),
    output: controlItgcsSchema,
    mutates: false,
    reads: ['controls', 'criteria', 'assessments', 'evidence', 'engagement'],
  }),
  'controls.linkItgc': method({
    summary: 'Record that a control (usually automated) relies on an IT general control',
    input: itgcLinkInput,
    output: controlItgcsSchema,
    mutates: true,
    touches: ['controls'],
  }),
  'controls.unlinkItgc': method({
    summary: 'Stop a control relying on an IT general control',
    input: itgcLinkInput,
    output: controlItgcsSchema,
    mutates: true,
    touches: ['controls'],
  }),
  'controls.create': method({
    summary: 'Add a custom control',
    input: newControlInput,
    output: controlSchema,
    mutates: true,
    touches: ['controls', 'criteria'],
  }),
  'controls.archive': method({
    summary: 'Archive a control (kept with all its work) or restore it',
    input: z.object({ id: controlId, archived: z.boolean() }).strict(),
    output: controlSchema,
    mutates: true,
    touches: ['controls', 'criteria'],
  }),
} as const;

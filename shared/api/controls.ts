import { z } from 'zod';
import { CATEGORIES } from '../domain/engagement';
import {
  CONTROL_TYPES,
  CRITERION_ID_PATTERN,
  DOMAINS,
  FREQUENCIES,
  NATURES,
  GROUP_IDS,
  POLICY_KEY_PATTERN,
  criterionGuidanceSchema,
} from '../domain/catalog';
import { isoDate, isoInstant } from './common';

/** A criterion as the vault holds it: copied from the catalog at scoping, plus scope decisions. */
export const vaultCriterionSchema = z.object({
  id: z.string(),
  category: z.enum(CATEGORIES),
  groupId: z.enum(GROUP_IDS),
  groupTitle: z.string(),
  cosoPrinciple: z.number().int().nullable(),
  title: z.string(),
  guidance: criterionGuidanceSchema,
  inScope: z.boolean(),
  /** DC 8: why an in-scope criterion is not relevant to this system. */
  notRelevantReason: z.string().nullable(),
  /** Active controls mapped to it. */
  controlIds: z.array(z.string()),
});
export type VaultCriterion = z.infer<typeof vaultCriterionSchema>;

export const criterionIdSchema = z
  .string()
  .trim()
  .regex(CRITERION_ID_PATTERN, { message: 'Not a Trust Services Criteria id (e.g. CC6.1)' });

export const controlId = z.string().regex(/^ctl_[a-z0-9]+$/, { message: 'Not a control id' });
const personRef = z
  .string()
  .regex(/^per_[a-z0-9]+$/, { message: 'Not a person id' })
  .nullable();

export const controlSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  domain: z.enum(DOMAINS),
  ownerRole: z.string(),
  ownerId: z.string().nullable(),
  performerId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  frequency: z.enum(FREQUENCIES),
  nature: z.enum(NATURES),
  type: z.enum(CONTROL_TYPES),
  policyKey: z.string().nullable(),
  criteria: z.array(z.string()),
  operatingSince: isoDate.nullable(),
  testProcedure: z.string(),
  testAttributes: z.array(z.string()),
  evidenceGuidance: z.string(),
  source: z.enum(['library', 'custom']),
  libraryRef: z.string().nullable(),
  archived: z.boolean(),
  /** `descoped` when scoping removed it (it returns when re-added), `user` when archived by hand. */
  archivedReason: z.enum(['descoped', 'user']).nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Control = z.infer<typeof controlSchema>;

const line = (max: number) => z.string().trim().max(max);

/** What a user may edit on any control. */
export const controlPatch = z
  .object({
    ref: line(20).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
      message: 'Use letters, digits, dot, dash (e.g. AC-04)',
    }),
    title: line(300).min(1, { message: 'Give the control a title' }),
    description: line(5000),
    domain: z.enum(DOMAINS),
    ownerRole: line(200),
    ownerId: personRef,
    performerId: personRef,
    reviewerId: personRef,
    frequency: z.enum(FREQUENCIES),
    nature: z.enum(NATURES),
    type: z.enum(CONTROL_TYPES),
    policyKey: z.string().regex(POLICY_KEY_PATTERN).nullable(),
    criteria: z
      .array(criterionIdSchema)
      .min(1, { message: 'Map the control to at least one criterion' })
      .max(61),
    operatingSince: isoDate.nullable(),
    testProcedure: line(5000),
    testAttributes: z.array(line(500).min(1)).max(20),
    evidenceGuidance: line(5000),
  })
  .partial()
  .strict();
export type ControlPatch = z.infer<typeof controlPatch>;

/** A custom control: title and criteria are required, the rest has sensible defaults. */
export const newControlInput = controlPatch.required({ title: true, criteria: true }).strict();
export type NewControlInput = z.input<typeof newControlInput>;

export const controlFilter = z
  .object({
    search: z.string().trim().max(200).optional(),
    criterionId: criterionIdSchema.optional(),
    domain: z.enum(DOMAINS).optional(),
    includeArchived: z.boolean().default(false),
  })
  .strict();

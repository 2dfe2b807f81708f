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
import { idOf, text, vetted } from './text';

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

export const criterionIdSchema = vetted(
  z
    .string()
    .trim()
    .regex(CRITERION_ID_PATTERN, { message: 'Not a Trust Services Criteria id (e.g. CC6.1)' }),
);

export const controlId = idOf('ctl', 'control');
const personRef = idOf('per', 'person').nullable();

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
  /**
   * The mapped criteria this control only supports (DESIGN §4): it never meets them alone. Every
   * other mapped criterion is one it is key for.
   */
  supportingCriteria: z.array(z.string()),
  /**
   * "In the description (will be tested)": the user's choice, or null to follow the default — in
   * while implemented and in scope.
   */
  inDescription: z.boolean().nullable(),
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

const line = (max: number) => text({ max });
const prose = (max: number) => text({ max, multiline: true });

/** What a user may edit on any control. */
export const controlPatch = z
  .object({
    ref: vetted(
      line(20).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
        message: 'Use letters, digits, dot, dash (e.g. AC-04)',
      }),
    ),
    title: text({ max: 300, required: 'Give the control a title' }),
    description: prose(5000),
    domain: z.enum(DOMAINS),
    ownerRole: line(200),
    ownerId: personRef,
    performerId: personRef,
    reviewerId: personRef,
    frequency: z.enum(FREQUENCIES),
    nature: z.enum(NATURES),
    type: z.enum(CONTROL_TYPES),
    policyKey: vetted(z.string().regex(POLICY_KEY_PATTERN)).nullable(),
    criteria: z
      .array(criterionIdSchema)
      .min(1, { message: 'Map the control to at least one criterion' })
      .max(61),
    operatingSince: isoDate.nullable(),
    testProcedure: prose(5000),
    testAttributes: z
      .array(text({ max: 500, required: 'Write the attribute, or remove it' }))
      .max(20),
    evidenceGuidance: prose(5000),
    inDescription: z.boolean().nullable(),
  })
  .partial()
  .strict();
export type ControlPatch = z.infer<typeof controlPatch>;

/** A custom control: title and criteria are required, the rest has sensible defaults. */
export const newControlInput = controlPatch.required({ title: true, criteria: true }).strict();
export type NewControlInput = z.input<typeof newControlInput>;

/**
 * Which controls a list shows. `search` matches the reference, title, description, the owner's
 * name and the mapped criteria's ids.
 */
export const controlFilter = z
  .object({
    search: line(200).optional(),
    criterionId: criterionIdSchema.optional(),
    domain: z.enum(DOMAINS).optional(),
    includeArchived: z.boolean().default(false),
  })
  .strict();
export type ControlFilter = z.input<typeof controlFilter>;

/** What `controls.list` sorts by; the reference orders numbers as numbers (AC-2 before AC-10). */
export const CONTROL_SORT_KEYS = [
  'ref',
  'title',
  'domain',
  'owner',
  'frequency',
  'criteria',
] as const;
export type ControlSortKey = (typeof CONTROL_SORT_KEYS)[number];

export const CRITERION_ROLES = ['key', 'supporting'] as const;
export type CriterionRole = (typeof CRITERION_ROLES)[number];

/** Marks a control key or supporting for one of its criteria; demoting needs a reason (logged). */
export const setCriterionRoleInput = z
  .object({
    id: controlId,
    criterionId: criterionIdSchema,
    role: z.enum(CRITERION_ROLES),
    reason: text({ max: 2000, multiline: true }).optional(),
  })
  .strict();
export type SetCriterionRoleInput = z.input<typeof setCriterionRoleInput>;

/** An automated control and one IT general control it relies on (D1 item 4). */
export const itgcLinkInput = z.object({ id: controlId, reliesOnId: controlId }).strict();
export type ItgcLinkInput = z.infer<typeof itgcLinkInput>;

export const ITGC_STATES = ['effective', 'failing', 'unknown'] as const;

/** The controls one control relies on, each met or not, and what that means for sampling. */
export const controlItgcsSchema = z.object({
  reliesOn: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      /** Implemented with complete reviewed evidence; null when archived (out of scope). */
      met: z.boolean().nullable(),
    }),
  ),
  /** `unknown` when it relies on none; `failing` when any relied-on control is not met. */
  state: z.enum(ITGC_STATES),
  /** An automated control whose ITGCs are not all met: the auditor must sample it. */
  mustSample: z.boolean(),
});
export type ControlItgcs = z.infer<typeof controlItgcsSchema>;

/**
 * The policy library's contract shapes: policies, their versions (a draft, or approved and then
 * immutable), the promises a policy makes about its controls, acknowledgements, the diff between
 * two versions and the consistency check.
 */
import { z } from 'zod';
import { FREQUENCIES } from '../domain/frequency';
import { TIME_UNITS } from '../domain/policy-template';
import { isoDate, isoInstant } from './common';
import { idOf, text } from './text';

export const policyId = idOf('pol', 'policy');
export const policyVersionId = idOf('pov', 'policy version');
const personRef = idOf('per', 'person');
const controlRef = idOf('ctl', 'control');

const reviewMonths = z
  .number()
  .int()
  .min(1, { message: 'Review at least every 60 months, at most every month' })
  .max(60, { message: 'Review at least every 60 months, at most every month' });
const acknowledgeWithinDays = z
  .number()
  .int()
  .min(1, { message: 'Give between 1 and 365 days' })
  .max(365, { message: 'Give between 1 and 365 days' });
/** A policy's Markdown: up to 200,000 characters (a long policy is about 30,000). */
export const policyBody = text({ max: 200_000, multiline: true, keepSpaces: true });
const changeNote = text({ max: 2_000, multiline: true });

export const policyPromiseSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(['frequency', 'time_limit']),
  frequency: z.enum(FREQUENCIES).nullable(),
  within: z.object({ amount: z.number().int(), unit: z.enum(TIME_UNITS) }).nullable(),
  /** The catalog promise it came from (`template key/promise id`), null for the user's own. */
  templatePromise: z.string().nullable(),
  controlIds: z.array(z.string()),
});
export type PolicyPromiseOut = z.infer<typeof policyPromiseSchema>;

export const POLICY_STATUSES = ['not_written', 'draft', 'approved', 'approved_with_draft'] as const;

export const policyVersionSummarySchema = z.object({
  id: z.string(),
  policyId: z.string(),
  number: z.number().int(),
  status: z.enum(['draft', 'approved']),
  changeNote: z.string(),
  approverId: z.string().nullable(),
  approvedOn: isoDate.nullable(),
  effectiveOn: isoDate.nullable(),
  reviewMonths: z.number().int(),
  nextReviewOn: isoDate.nullable(),
  /** The days it was in force: from its effective date until the next version took effect. */
  inForceFrom: isoDate.nullable(),
  inForceUntil: isoDate.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type PolicyVersionSummary = z.infer<typeof policyVersionSummarySchema>;

export const policyVersionSchema = policyVersionSummarySchema.extend({ body: z.string() });
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

export const policySchema = z.object({
  id: z.string(),
  title: z.string(),
  templateKey: z.string().nullable(),
  ownerId: z.string().nullable(),
  reviewMonths: z.number().int(),
  acknowledgeWithinDays: z.number().int(),
  archived: z.boolean(),
  status: z.enum(POLICY_STATUSES),
  controlIds: z.array(z.string()),
  promises: z.array(policyPromiseSchema),
  /** The draft being written, if any. */
  draftVersionId: z.string().nullable(),
  /** The approved version in force today, if any. */
  inForceVersionId: z.string().nullable(),
  /** Its number and the day it took effect (for the list: "v2 since 3 Mar 2026"). */
  inForceNumber: z.number().int().nullable(),
  inForceFrom: isoDate.nullable(),
  /** The review date of the version in force; the policy is overdue after it. */
  nextReviewOn: isoDate.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Policy = z.infer<typeof policySchema>;

/**
 * What `policies.list` sorts by (title unless asked): the owner's name, the version in force
 * (its number), the state (not written → draft → approved → approved with a new draft) and the
 * next review of the version in force; policies without one sort last.
 */
export const POLICY_SORT_KEYS = ['title', 'owner', 'inForce', 'status', 'nextReview'] as const;
export type PolicySortKey = (typeof POLICY_SORT_KEYS)[number];

export const variableProblemSchema = z.object({
  variable: z.string(),
  kind: z.enum(['unknown', 'missing']),
  message: z.string(),
});

export const newPolicyInput = z
  .object({
    title: text({ max: 200, required: 'Give the policy a title' }),
    ownerId: personRef.nullable().optional(),
    body: policyBody.optional(),
    reviewMonths: reviewMonths.default(12),
    acknowledgeWithinDays: acknowledgeWithinDays.default(30),
  })
  .strict();

export const fromTemplateInput = z
  .object({
    templateKey: text({ max: 100, required: 'Choose a template' }),
    ownerId: personRef.nullable().optional(),
    /** The review cycle, when not the template's own (the text says it in words). */
    reviewMonths: reviewMonths.optional(),
  })
  .strict();

export const policyPatch = z
  .object({
    title: text({ max: 200, required: 'Give the policy a title' }),
    ownerId: personRef.nullable(),
    reviewMonths,
    acknowledgeWithinDays,
  })
  .partial()
  .strict();

export const draftPatch = z.object({ body: policyBody, changeNote }).partial().strict();

export const approveInput = z
  .object({
    versionId: policyVersionId,
    approverId: personRef,
    approvedOn: isoDate,
    /** When it takes effect; the approval date unless stated. */
    effectiveOn: isoDate.optional(),
    /** Overrides the policy's review cycle for this version. */
    reviewMonths: reviewMonths.optional(),
  })
  .strict();

export const diffPartSchema = z.object({
  kind: z.enum(['same', 'removed', 'added']),
  text: z.string(),
});
export const diffLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same'), text: z.string(), oldLine: z.number(), newLine: z.number() }),
  z.object({ kind: z.literal('removed'), text: z.string(), oldLine: z.number() }),
  z.object({ kind: z.literal('added'), text: z.string(), newLine: z.number() }),
  z.object({
    kind: z.literal('changed'),
    oldLine: z.number(),
    newLine: z.number(),
    words: z.array(diffPartSchema),
  }),
]);
export const policyDiffSchema = z.object({
  from: policyVersionSummarySchema,
  to: policyVersionSummarySchema,
  lines: z.array(diffLineSchema),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
});

export const ACK_SOURCES = ['manual', 'import'] as const;
export const acknowledgementSchema = z.object({
  id: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int(),
  personId: z.string(),
  personName: z.string(),
  acknowledgedOn: isoDate,
  source: z.enum(ACK_SOURCES),
  sourceFile: z.string().nullable(),
  createdAt: isoInstant,
});

export const ackMappingSchema = z
  .object({
    /** The column naming the person: an email, or a name as People has it. */
    person: text({ max: 500, required: 'Choose the column naming the person' }),
    date: text({ max: 500, required: 'Choose the column with the date' }),
    sheet: text({ max: 500 }).optional(),
  })
  .strict();
export type AckMapping = z.infer<typeof ackMappingSchema>;

export const ackImportRowSchema = z.object({
  row: z.number().int(),
  person: z.string(),
  date: z.string(),
  personId: z.string().nullable(),
  acknowledgedOn: isoDate.nullable(),
  /** Why the row cannot be imported; null when it can. */
  problem: z.string().nullable(),
});
export const ackImportPreviewSchema = z.object({
  headers: z.array(z.string()),
  mapping: ackMappingSchema.nullable(),
  rows: z.array(ackImportRowSchema),
  importable: z.number().int(),
  refused: z.number().int(),
});
export const ackImportResultSchema = z.object({
  imported: z.number().int(),
  /** Already acknowledged (the earlier date is kept). */
  alreadyRecorded: z.number().int(),
  refused: z.array(ackImportRowSchema),
});

export const ACK_STATES = ['overdue', 'due', 'late'] as const;
export const missingAckSchema = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  /** The last day to acknowledge: the later of the version's effective date and the person's
   * start in Attest, plus the policy's days. */
  dueOn: isoDate,
  acknowledgedOn: isoDate.nullable(),
  /** `overdue`: not acknowledged and past due; `due`: not yet past due; `late`: acknowledged after. */
  state: z.enum(ACK_STATES),
});
export const missingAcksSchema = z.object({
  version: policyVersionSummarySchema.nullable(),
  asOf: isoDate,
  people: z.array(missingAckSchema),
});

export const consistencyFindingSchema = z.object({
  policyId: z.string(),
  policyTitle: z.string(),
  promiseId: z.string(),
  promiseText: z.string(),
  controlId: z.string(),
  controlRef: z.string(),
  promised: z.enum(FREQUENCIES),
  actual: z.enum(FREQUENCIES),
  /** What to do, in a sentence. */
  fix: z.string(),
});
export const controlDeadlineSchema = z.object({
  policyId: z.string(),
  policyTitle: z.string(),
  promiseId: z.string(),
  text: z.string(),
  controlId: z.string(),
  amount: z.number().int(),
  unit: z.enum(TIME_UNITS),
});
export const consistencySchema = z.object({
  findings: z.array(consistencyFindingSchema),
  /** Time limits the policies promise: the deadline each control's occurrences are held to. */
  deadlines: z.array(controlDeadlineSchema),
});
export type Consistency = z.infer<typeof consistencySchema>;

export { controlRef, personRef };

export type NewPolicyInput = z.output<typeof newPolicyInput>;
export type PolicyPatch = z.output<typeof policyPatch>;
export type DraftPatch = z.output<typeof draftPatch>;
export type ApproveInput = z.output<typeof approveInput>;
export type PolicyDiffOut = z.infer<typeof policyDiffSchema>;
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
export type MissingAcks = z.infer<typeof missingAcksSchema>;
export type AckImportRow = z.infer<typeof ackImportRowSchema>;
export type AckImportPreview = z.infer<typeof ackImportPreviewSchema>;
export type AckImportResult = z.infer<typeof ackImportResultSchema>;

import { z } from 'zod';
import { ASSESSMENT_STATUSES, COVERAGE_STATUSES } from '../domain/coverage';
import { isoDate, isoInstant } from './common';
import { controlFilter, controlId, controlSchema } from './controls';
import { idOf, text } from './text';

const personRef = idOf('per', 'person');

export const assessmentSchema = z.object({
  controlId: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  naReason: z.string().nullable(),
  notes: z.string(),
  assessorId: z.string().nullable(),
  assessedOn: isoDate,
  updatedAt: isoInstant,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessInput = z
  .object({
    controlId,
    status: z.enum(ASSESSMENT_STATUSES),
    naReason: text({ max: 2000, multiline: true }).nullable().default(null),
    notes: text({ max: 10_000, multiline: true }).default(''),
    assessorId: personRef.nullable().optional(),
    assessedOn: isoDate.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'not_applicable' && !v.naReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['naReason'],
        message: 'Say why the control does not apply',
      });
    }
  });
export type AssessInput = z.input<typeof assessInput>;

export const GAP_SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type GapSeverity = (typeof GAP_SEVERITIES)[number];

/** A control whose assessment leaves work to do, with why it matters. */
export const gapSchema = z.object({
  controlId: z.string(),
  ref: z.string(),
  title: z.string(),
  /** Only assessed controls are gaps; unassessed ones are listed as `notAssessed`. */
  status: z.enum(['partial', 'not_implemented']),
  severity: z.enum(GAP_SEVERITIES),
  /** In-scope criteria this control serves that are not met. */
  unmetCriteria: z.array(z.string()),
  /** The highest residual score (likelihood × impact) of risks linked to the control. */
  residualRisk: z.number().int().nullable(),
  taskIds: z.array(z.string()),
  reason: z.string(),
});
export type Gap = z.infer<typeof gapSchema>;

/** An active control nobody has assessed yet: not a gap, not implemented — unknown. */
export const unassessedControlSchema = z.object({
  controlId: z.string(),
  ref: z.string(),
  title: z.string(),
});
export type UnassessedControl = z.infer<typeof unassessedControlSchema>;

export const criterionCoverageSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  category: z.string(),
  title: z.string(),
  status: z.enum(COVERAGE_STATUSES),
  controlIds: z.array(z.string()),
  /** Applicable controls that are key for it: every one must be met (DESIGN §4). */
  keyControlIds: z.array(z.string()),
  metBy: z.array(z.string()),
  /** Key controls with isolated deviations: "met with exceptions" (filled by self-testing, T). */
  exceptions: z.array(z.string()),
  reason: z.string(),
  carvedOut: z.boolean(),
});
export type CriterionCoverageView = z.infer<typeof criterionCoverageSchema>;

export const gapSummarySchema = z.object({
  controls: z.number().int(),
  assessed: z.number().int(),
  byStatus: z.record(z.enum([...ASSESSMENT_STATUSES, 'not_assessed']), z.number().int()),
  /** Performer and reviewer are the same person (segregation of duties). */
  sameOwnerWarnings: z.array(z.string()),
  /** Operating since after the period start (or the as-of date): an exception or a DC 9 change. */
  lateStartWarnings: z.array(z.string()),
});

/** A control in the description, so tested by the auditor, without reviewed evidence. */
export const descriptionFindingSchema = z.object({
  controlId: z.string(),
  ref: z.string(),
  title: z.string(),
  severity: z.literal('major'),
  reason: z.string(),
});
export type DescriptionFindingView = z.infer<typeof descriptionFindingSchema>;

/** An assessment state: one of the statuses, or not assessed yet. */
export const ASSESSMENT_STATES = [...ASSESSMENT_STATUSES, 'not_assessed'] as const;

/**
 * What a reviewer would flag on a control before the auditor does: no owner, the same person
 * performing and reviewing it, operating only since after the period's start (the as-of date for
 * Type I).
 */
export const CONTROL_WARNINGS = ['no_owner', 'same_performer_reviewer', 'late_start'] as const;
export type ControlWarning = (typeof CONTROL_WARNINGS)[number];

/**
 * The gap analysis' filter: a control list's, plus the assessment state, the owner (a person, or
 * nobody) and "with warnings only". `assessments.setMany { matching }` resolves the same filter.
 */
export const assessedControlFilter = controlFilter
  .extend({
    status: z.enum(ASSESSMENT_STATES).optional(),
    ownerId: personRef.optional(),
    /** Only controls nobody owns ("No owner"; a person id cannot mean nobody). */
    unowned: z.boolean().default(false),
    warningsOnly: z.boolean().default(false),
  })
  .strict();
export type AssessedControlFilter = z.input<typeof assessedControlFilter>;

/** What `assessments.controls` sorts by: status in the order work is done (not assessed first). */
export const ASSESSED_SORT_KEYS = ['ref', 'title', 'status', 'owner'] as const;
export type AssessedSortKey = (typeof ASSESSED_SORT_KEYS)[number];

/** A row of the gap analysis' table: a control, its assessment state and its warnings. */
export const assessedControlSchema = z.object({
  control: controlSchema,
  status: z.enum(ASSESSMENT_STATES),
  warnings: z.array(z.enum(CONTROL_WARNINGS)),
});
export type AssessedControl = z.infer<typeof assessedControlSchema>;

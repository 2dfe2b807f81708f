import { z } from 'zod';
import { REPORT_TYPES } from '../domain/engagement';
import { isoDate } from './common';
import { text } from './text';
import { periodSchema, previousPeriodSchema } from './vault';

/**
 * "Start next period": what the user may choose for the new engagement. Anything left out
 * follows the open vault (its name) or the next period after it (see shared/domain/next-period).
 */
export const rollForwardFields = {
  name: text({ max: 200, required: 'Give the engagement a name' }).optional(),
  reportType: z.enum(REPORT_TYPES).optional(),
  asOf: isoDate.optional(),
  period: periodSchema.optional(),
};

export function refineRollForward(
  value: { asOf?: string; period?: { start: string; end: string } },
  ctx: z.RefinementCtx,
): void {
  if (value.period && value.asOf) {
    ctx.addIssue({
      code: 'custom',
      path: ['asOf'],
      message: 'Give a period (Type II) or an as-of date (Type I), not both',
    });
  }
  if (value.period && value.period.end <= value.period.start) {
    ctx.addIssue({
      code: 'custom',
      path: ['period', 'end'],
      message: 'The period must end after it starts',
    });
  }
}

export const rollForwardChoices = z.object(rollForwardFields).superRefine(refineRollForward);
export type RollForwardChoices = z.output<typeof rollForwardChoices>;

export { type PreviousPeriod, previousPeriodSchema } from './vault';

export const rollForwardCountSchema = z.object({
  /** The kind of record, as the audit log names it (control, person, policy_version, …). */
  entity: z.string(),
  count: z.number().int(),
});

export const rollForwardSummarySchema = z.object({
  path: z.string(),
  engagement: z.object({
    name: z.string(),
    reportType: z.enum(REPORT_TYPES),
    asOf: isoDate.nullable(),
    period: periodSchema.nullable(),
  }),
  previous: previousPeriodSchema,
  /** Rows copied into the new vault, by kind. */
  carried: z.array(rollForwardCountSchema),
  /** Rows of the open vault left with the old period, by kind (zero counts left out). */
  left: z.array(rollForwardCountSchema),
});
export type RollForwardSummary = z.infer<typeof rollForwardSummarySchema>;

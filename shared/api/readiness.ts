import { z } from 'zod';
import { isoDate } from './common';
import { COVERAGE_STATUSES } from '../domain/coverage';
import { RULE_IDS, SEVERITIES } from '../domain/readiness/finding';
import { AGENDA_KINDS } from '../domain/agenda';

const severity = z.enum(SEVERITIES as unknown as readonly ['blocking', 'major', 'minor']);

export const fixTargetSchema = z.union([
  z.object({
    screen: z.enum([
      'criterion',
      'control',
      'policy',
      'evidence',
      'subservice',
      'controlTesting',
      'risk',
    ]),
    id: z.string(),
  }),
  z.object({ screen: z.enum(['risks', 'description', 'events', 'subservices']) }),
]);

export const findingSchema = z.object({
  rule: z.enum(RULE_IDS),
  severity,
  object: z.string(),
  message: z.string(),
  fix: z.string(),
  target: fixTargetSchema,
});

/** The readiness review as of one date (DESIGN §5): gated by blocking findings. */
export const readinessSchema = z.object({
  evaluatedOn: isoDate,
  blocked: z.boolean(),
  findings: z.array(findingSchema),
  counts: z.object({
    blocking: z.number().int(),
    major: z.number().int(),
    minor: z.number().int(),
  }),
  checks: z.number().int(),
  passing: z.number().int(),
  percentPassing: z.number().int(),
  windowsToCome: z.number().int(),
  byRule: z.array(
    z.object({
      rule: z.enum(RULE_IDS),
      title: z.string(),
      checks: z.number().int(),
      passing: z.number().int(),
    }),
  ),
});
export type ReadinessView = z.infer<typeof readinessSchema>;

const agendaItemSchema = z.object({
  kind: z.enum(AGENDA_KINDS),
  object: z.string(),
  title: z.string(),
  due: isoDate.nullable(),
  overdue: z.boolean(),
  window: z.object({ start: isoDate, end: isoDate }).nullable(),
  target: z.union([fixTargetSchema, z.object({ screen: z.literal('task'), id: z.string() })]),
});

/** What is due this week and what is overdue, as of the vault's today (E item 6). */
export const agendaSchema = z.object({
  today: isoDate,
  until: isoDate,
  overdue: z.array(agendaItemSchema),
  dueSoon: z.array(agendaItemSchema),
  samplesToTest: z.array(agendaItemSchema),
});
export type AgendaView = z.infer<typeof agendaSchema>;
/** The figures of one review, frozen or current: what a trend and a comparison read. */
export const reviewFiguresSchema = z.object({
  blocked: z.boolean(),
  blocking: z.number().int(),
  major: z.number().int(),
  minor: z.number().int(),
  checks: z.number().int(),
  passing: z.number().int(),
  percentPassing: z.number().int(),
  windowsToCome: z.number().int(),
});
export type ReviewFigures = z.infer<typeof reviewFiguresSchema>;
export const REVIEW_FIGURES = [
  'blocking',
  'major',
  'minor',
  'checks',
  'passing',
  'percentPassing',
  'windowsToCome',
] as const satisfies readonly (keyof ReviewFigures)[];

/** A criterion's coverage status as the review saw it (the criteria table, frozen). */
export const reviewCriterionSchema = z.object({
  id: z.string(),
  category: z.string(),
  status: z.enum(COVERAGE_STATUSES),
  reason: z.string(),
  keyControlIds: z.array(z.string()),
  exceptions: z.array(z.string()),
});

/** A frozen review as listed: who signed it off, when, and its figures (not its findings). */
export const snapshotSummarySchema = z.object({
  id: z.string(),
  ref: z.string(),
  evaluatedOn: isoDate,
  figures: reviewFiguresSchema,
  /** The audit chain's head when frozen: later history cannot be rewritten unnoticed. */
  chainHead: z.object({ seq: z.number().int(), hash: z.string() }),
  signedOffBy: z.object({ id: z.string(), name: z.string() }),
  signedOffAt: z.string(),
  comment: z.string(),
});
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

export const snapshotSchema = snapshotSummarySchema.extend({
  readiness: readinessSchema,
  criteria: z.array(reviewCriterionSchema),
});
export type SnapshotView = z.infer<typeof snapshotSchema>;

const figureDelta = z.object({ from: z.number().int(), to: z.number().int() });

/**
 * Two reviews side by side: findings keyed by rule and object. Improved: in the earlier one
 * only; regressed: in the later one only; unchanged: in both (with the earlier severity).
 */
export const reviewComparisonSchema = z.object({
  from: z.object({ id: z.string(), ref: z.string(), evaluatedOn: isoDate }),
  /** The later review; `current` when compared with the vault as it is now. */
  to: z.object({ id: z.string(), ref: z.string(), evaluatedOn: isoDate }),
  improved: z.array(findingSchema),
  regressed: z.array(findingSchema),
  unchanged: z.array(findingSchema.extend({ fromSeverity: severity })),
  figures: z.object(
    Object.fromEntries(REVIEW_FIGURES.map((k) => [k, figureDelta])) as Record<
      (typeof REVIEW_FIGURES)[number],
      typeof figureDelta
    >,
  ),
  criteria: z.array(
    z.object({
      id: z.string(),
      from: z.enum(COVERAGE_STATUSES).nullable(),
      to: z.enum(COVERAGE_STATUSES).nullable(),
    }),
  ),
});
export type ReviewComparison = z.infer<typeof reviewComparisonSchema>;

/** What one window of a control's timeline shows (`readiness.timelines`). */
export const TIMELINE_STATES = [
  'reviewed',
  'unreviewed',
  'late',
  'missing',
  'scheduled',
  'not_occurring',
  'not_counted',
] as const;
export type TimelineState = (typeof TIMELINE_STATES)[number];

export const timelineWindowSchema = z.object({
  /** "Q1 2026", "Mar 2026", "W12 2026", "1 Jan – 30 Jun 2026"… */
  label: z.string(),
  start: isoDate,
  end: isoDate,
  partial: z.boolean(),
  state: z.enum(TIMELINE_STATES),
});
export type TimelineWindow = z.infer<typeof timelineWindowSchema>;

export const controlTimelineSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  frequency: z.string(),
  nature: z.string(),
  key: z.boolean(),
  /** How the control is evidenced: calendar windows, a population, automated, or Type I. */
  mode: z.enum(['windows', 'population', 'automated', 'type1']),
  windows: z.array(timelineWindowSchema),
  selfTest: z
    .object({
      id: z.string(),
      ref: z.string(),
      drawnOn: isoDate,
      items: z.number(),
      deviations: z.number(),
    })
    .nullable(),
  /** Reportable deviations not withdrawn and still without management's response. */
  openDeviations: z.number(),
});
export type ControlTimeline = z.infer<typeof controlTimelineSchema>;

export const timelinesSchema = z.object({
  reportType: z.enum(['type1', 'type2']),
  evaluatedOn: isoDate,
  /** Null until the engagement's period (or as-of date) is set: there are no windows yet. */
  period: z.object({ start: isoDate, end: isoDate }).nullable(),
  controls: z.array(controlTimelineSchema),
});
export type TimelinesView = z.infer<typeof timelinesSchema>;

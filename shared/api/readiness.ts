import { z } from 'zod';
import { isoDate } from './common';
import { RULE_IDS, SEVERITIES } from '../domain/readiness/finding';
import { AGENDA_KINDS } from '../domain/agenda';

const severity = z.enum(SEVERITIES as unknown as readonly ['blocking', 'major', 'minor']);

export const fixTargetSchema = z.union([
  z.object({
    screen: z.enum(['criterion', 'control', 'policy', 'evidence', 'subservice', 'controlTesting']),
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

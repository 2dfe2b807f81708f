import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { isoInstant } from './common';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FINISHED_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

/** Progress of a long operation; fields that do not apply are left out. */
export const jobProgressSchema = z.object({
  filesDone: z.number().int().optional(),
  filesTotal: z.number().int().optional(),
  bytesDone: z.number().optional(),
  bytesTotal: z.number().optional(),
  bytesPerSecond: z.number().optional(),
  etaSeconds: z.number().optional(),
  /** What the job is doing now, in words, where files and bytes say nothing (building a demo). */
  step: z.string().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});

export const jobSchema = z.object({
  id: z.string(),
  /** The contract method that started it, e.g. `vault.verify`. */
  kind: z.string(),
  label: z.string(),
  state: z.enum(JOB_STATES),
  createdAt: isoInstant,
  startedAt: isoInstant.nullable(),
  finishedAt: isoInstant.nullable(),
  progress: jobProgressSchema.nullable(),
  /** Set once succeeded; its shape is the `jobResult` of the method named by `kind`. */
  result: z.unknown().nullable(),
  error: apiErrorSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

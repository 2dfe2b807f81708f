import { z } from 'zod';
import { JOB_STATES, jobProgressSchema } from './jobs';

/** Events pushed from the main process (IPC) or the server (SSE `GET /events`). */
export const events = {
  'job.progress': jobProgressSchema.extend({ jobId: z.string() }),
  'job.state': z.object({ jobId: z.string(), kind: z.string(), state: z.enum(JOB_STATES) }),
  'vault.changed': z.object({
    path: z.string().nullable(),
    reason: z.enum(['opened', 'closed', 'updated']),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

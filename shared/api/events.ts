import { z } from 'zod';
import { DOMAINS } from './domains';
import { JOB_STATES, jobProgressSchema } from './jobs';

/** Events pushed from the main process (IPC) or the server (SSE `GET /events`). */
export const events = {
  'job.progress': jobProgressSchema.extend({ jobId: z.string() }),
  'job.state': z.object({ jobId: z.string(), kind: z.string(), state: z.enum(JOB_STATES) }),
  /**
   * The open vault changed: opened, closed, or `updated` by a call or a job that succeeded, with
   * the domains it wrote. `openId` is new at every open, so a listener can tell one opening of a
   * vault from the next (and drop what it read from the previous one).
   */
  'vault.changed': z.object({
    openId: z.string().nullable(),
    path: z.string().nullable(),
    reason: z.enum(['opened', 'closed', 'updated']),
    domains: z.array(z.enum(DOMAINS)),
  }),
  /**
   * The part of Attest that works on the vault (the runtime host process) stopped unexpectedly:
   * every pending call failed with `host_stopped`, the vault was closed with it (`path`, if one
   * was open), and the next call starts a fresh host.
   */
  'runtime.stopped': z.object({ path: z.string().nullable(), message: z.string() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

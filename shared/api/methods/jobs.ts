import { z } from 'zod';
import { method } from '../define';
import { JOB_STATES, jobSchema } from '../jobs';
import { idOf } from '../text';

const jobId = idOf('job', 'job');

export const jobMethods = {
  'jobs.get': method({
    summary: 'A job’s state, progress and (once finished) result or error',
    input: z.object({ jobId }).strict(),
    output: jobSchema,
    mutates: false,
    reads: ['jobs'],
  }),
  'jobs.list': method({
    summary: 'Jobs of this session, newest first, optionally by state',
    input: z.object({ states: z.array(z.enum(JOB_STATES)).optional() }).strict(),
    output: z.object({ items: z.array(jobSchema) }),
    mutates: false,
    reads: ['jobs'],
  }),
  'jobs.cancel': method({
    summary: 'Ask a queued or running job to stop; it ends as cancelled, leaving nothing half-done',
    input: z.object({ jobId }).strict(),
    output: jobSchema,
    mutates: true,
    touches: ['jobs'],
  }),
} as const;

import type { HandlerSlice } from './types';

export const jobHandlers: HandlerSlice<'jobs.get' | 'jobs.list' | 'jobs.cancel'> = {
  'jobs.get': ({ jobId }, ctx) => ctx.jobs.get(jobId),
  'jobs.list': ({ states }, ctx) => ({ items: ctx.jobs.list(states) }),
  'jobs.cancel': ({ jobId }, ctx) => ctx.jobs.cancel(jobId),
};

import { join } from 'node:path';
import { type Clock, systemClock } from '../platform/clock';
import { type IdSource, randomIds } from '../platform/ids';
import { type Logger, fileLogger } from '../platform/logger';
import { type RpcContext, newRuntimeState } from './context';
import { EventBus } from './events';
import { closeCurrent } from './handlers/vault';
import { JobManager } from './jobs';
import { UploadStaging } from './uploads';

export interface RuntimeOptions {
  home: string;
  app: string;
  clock?: Clock;
  ids?: IdSource;
  logger?: Logger;
  /** Browser mode: accept uploads into ATTEST_HOME/staging. */
  uploads?: boolean;
  uploadLimitBytes?: number;
}

/** Builds the context the dispatcher runs against: one per process. */
export function createRuntime(options: RuntimeOptions): RpcContext & { dispose(): Promise<void> } {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const logger = options.logger ?? fileLogger(options.home);
  const events = new EventBus();
  const jobs = new JobManager({ clock, ids, events, logger });
  const ctx: RpcContext & { dispose(): Promise<void> } = {
    home: options.home,
    app: options.app,
    clock,
    ids,
    logger,
    events,
    jobs,
    uploads: options.uploads
      ? new UploadStaging(
          join(options.home, 'staging', String(process.pid)),
          options.uploadLimitBytes,
        )
      : null,
    vault: null,
    openId: null,
    state: newRuntimeState(),
    async dispose() {
      await closeCurrent(ctx);
      // Jobs that need no open vault (verifying another file, building a demo) end too.
      await ctx.jobs.cancelAll();
      ctx.uploads?.dispose();
    },
  };
  return ctx;
}

import { join } from 'node:path';
import { type Clock, systemClock } from '../platform/clock';
import { type IdSource, randomIds } from '../platform/ids';
import { type Logger, fileLogger } from '../platform/logger';
import { WitnessStore } from '../platform/witness-store';
import { type RpcContext, newRuntimeState } from './context';
import { EventBus } from './events';
import { closeCurrent } from './handlers/vault';
import { JobManager } from './jobs';
import { OutputStaging } from './outputs';
import { UploadStaging } from './uploads';

export interface RuntimeOptions {
  home: string;
  /**
   * The folder shared with the `attest` command, for the witness and the backups (platform/
   * home.ts `sharedHome`); `home` unless said (the desktop app's home is its user-data folder).
   */
  shared?: string;
  /** Back up each vault at open and daily while open (the desktop app and `attest serve`). */
  automaticBackups?: boolean;
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
  // Read once now, so a bad ATTEST_NOW stops the start with its message instead of a later call.
  clock.now();
  const ids = options.ids ?? randomIds;
  const logger = options.logger ?? fileLogger(options.home);
  const events = new EventBus();
  const jobs = new JobManager({ clock, ids, events, logger });
  const shared = options.shared ?? options.home;
  const ctx: RpcContext & { dispose(): Promise<void> } = {
    home: options.home,
    witness: new WitnessStore(join(shared, 'witness')),
    backupsRoot: join(shared, 'backups'),
    automaticBackups: options.automaticBackups ?? false,
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
    // With uploads comes the browser: generated files are downloaded, not saved to a path.
    outputs: options.uploads
      ? new OutputStaging(join(options.home, 'staging', `${process.pid}-outputs`))
      : null,
    vault: null,
    openId: null,
    state: newRuntimeState(),
    async dispose() {
      await closeCurrent(ctx);
      // Jobs that need no open vault (verifying another file, building a demo) end too.
      await ctx.jobs.cancelAll();
      ctx.uploads?.dispose();
      ctx.outputs?.dispose();
    },
  };
  return ctx;
}

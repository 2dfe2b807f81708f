import { AttestError, isAttestError, type ApiError } from '../../shared/api/errors';
import { FINISHED_JOB_STATES, type Job, type JobProgress } from '../../shared/api/jobs';
import type { Clock } from '../platform/clock';
import type { IdSource } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { EventBus } from './events';
import { toApiError } from './errors';

export interface JobContext {
  signal: AbortSignal;
  /** Report progress; events go out at most 10 times a second, the last one always. */
  progress(p: JobProgress): void;
}

export type JobRunner = (ctx: JobContext) => Promise<unknown>;

interface JobEntry {
  job: Job;
  run: JobRunner;
  controller: AbortController;
  done: Promise<void>;
  resolveDone: () => void;
  lastEmit: number;
  startedMs: number;
  /** Runs once when the job ends in any state, even cancelled before it started. */
  cleanup: (() => void) | undefined;
  /** Runs once when the job succeeded, after its result is recorded. */
  onSucceeded: (() => void) | undefined;
}

const PROGRESS_INTERVAL_MS = 100;
const KEEP_FINISHED = 200;

/**
 * Runs long operations off the request path. States: queued → running → succeeded | failed |
 * cancelled. At most `concurrency` run at once; the rest wait in order.
 */
export class JobManager {
  private readonly entries = new Map<string, JobEntry>();
  private running = 0;

  constructor(
    private readonly deps: {
      clock: Clock;
      ids: IdSource;
      events: EventBus;
      logger: Logger;
      concurrency?: number;
    },
  ) {}

  start(
    kind: string,
    label: string,
    run: JobRunner,
    options: { cleanup?: () => void; onSucceeded?: () => void } = {},
  ): Job {
    const job: Job = {
      id: this.deps.ids.next('job'),
      kind,
      label,
      state: 'queued',
      createdAt: this.deps.clock.now(),
      startedAt: null,
      finishedAt: null,
      progress: null,
      result: null,
      error: null,
    };
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    this.entries.set(job.id, {
      job,
      run,
      controller: new AbortController(),
      done,
      resolveDone,
      lastEmit: 0,
      startedMs: 0,
      cleanup: options.cleanup,
      onSucceeded: options.onSucceeded,
    });
    this.emitState(job);
    this.prune();
    this.pump();
    return { ...job };
  }

  get(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry) throw new AttestError('not_found', `No job ${id} in this session`);
    return { ...entry.job };
  }

  list(states?: readonly Job['state'][]): Job[] {
    return [...this.entries.values()]
      .map((e) => ({ ...e.job }))
      .filter((j) => !states || states.includes(j.state))
      .reverse();
  }

  cancel(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry) throw new AttestError('not_found', `No job ${id} in this session`);
    if (entry.job.state === 'queued') {
      this.finish(
        entry,
        'cancelled',
        null,
        new AttestError('cancelled', 'Cancelled before it started').toApiError(),
      );
    } else if (entry.job.state === 'running') {
      entry.controller.abort();
    }
    return { ...entry.job };
  }

  /** Resolves once the job has finished, whatever the outcome. */
  async wait(id: string): Promise<Job> {
    const entry = this.entries.get(id);
    if (!entry) throw new AttestError('not_found', `No job ${id} in this session`);
    await entry.done;
    return { ...entry.job };
  }

  /**
   * Cancels everything unfinished and waits for it to stop (used when a vault closes, and by
   * Compact — which passes its own id — before it swaps the vault file).
   */
  async cancelAll(exceptJobId?: string): Promise<void> {
    const pending = [...this.entries.values()].filter(
      (e) => !FINISHED_JOB_STATES.includes(e.job.state) && e.job.id !== exceptJobId,
    );
    for (const e of pending) this.cancel(e.job.id);
    await Promise.all(pending.map((e) => e.done));
  }

  private pump(): void {
    const limit = this.deps.concurrency ?? 2;
    for (const entry of this.entries.values()) {
      if (this.running >= limit) return;
      if (entry.job.state === 'queued') void this.execute(entry);
    }
  }

  private async execute(entry: JobEntry): Promise<void> {
    this.running++;
    entry.job.state = 'running';
    entry.job.startedAt = this.deps.clock.now();
    entry.startedMs = Date.now();
    this.emitState(entry.job);
    try {
      const result = await entry.run({
        signal: entry.controller.signal,
        progress: (p) => this.onProgress(entry, p),
      });
      if (entry.controller.signal.aborted) throw new AttestError('cancelled', 'Cancelled');
      this.flushProgress(entry);
      this.finish(entry, 'succeeded', result ?? null, null);
    } catch (e) {
      const error = toApiError(e, this.deps.logger);
      const cancelled =
        error.code === 'cancelled' || (entry.controller.signal.aborted && !isAttestError(e));
      this.finish(
        entry,
        cancelled ? 'cancelled' : 'failed',
        null,
        cancelled ? { ...error, code: 'cancelled' } : error,
      );
    } finally {
      this.running--;
      this.pump();
    }
  }

  private onProgress(entry: JobEntry, p: JobProgress): void {
    const elapsed = (Date.now() - entry.startedMs) / 1000;
    const rate = p.bytesDone !== undefined && elapsed > 0.2 ? p.bytesDone / elapsed : undefined;
    const eta =
      rate && p.bytesTotal !== undefined && p.bytesDone !== undefined
        ? (p.bytesTotal - p.bytesDone) / rate
        : undefined;
    entry.job.progress = {
      ...p,
      ...(rate !== undefined ? { bytesPerSecond: Math.round(rate) } : {}),
      ...(eta !== undefined ? { etaSeconds: Math.max(0, Math.round(eta * 10) / 10) } : {}),
    };
    const now = Date.now();
    if (now - entry.lastEmit >= PROGRESS_INTERVAL_MS) {
      entry.lastEmit = now;
      this.deps.events.emit('job.progress', { jobId: entry.job.id, ...entry.job.progress });
    }
  }

  private flushProgress(entry: JobEntry): void {
    if (entry.job.progress)
      this.deps.events.emit('job.progress', { jobId: entry.job.id, ...entry.job.progress });
  }

  private finish(
    entry: JobEntry,
    state: Job['state'],
    result: unknown,
    error: ApiError | null,
  ): void {
    const cleanup = entry.cleanup;
    entry.cleanup = undefined;
    try {
      cleanup?.();
    } catch (e) {
      this.deps.logger.warn('job cleanup failed', { jobId: entry.job.id, error: String(e) });
    }
    entry.job.state = state;
    entry.job.finishedAt = this.deps.clock.now();
    entry.job.result = result;
    entry.job.error = error;
    if (state === 'succeeded') {
      try {
        entry.onSucceeded?.();
      } catch (e) {
        this.deps.logger.warn('job completion hook failed', {
          jobId: entry.job.id,
          error: String(e),
        });
      }
    }
    this.emitState(entry.job);
    entry.resolveDone();
  }

  private emitState(job: Job): void {
    this.deps.events.emit('job.state', { jobId: job.id, kind: job.kind, state: job.state });
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter((e) =>
      FINISHED_JOB_STATES.includes(e.job.state),
    );
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.entries.delete(e.job.id);
  }
}

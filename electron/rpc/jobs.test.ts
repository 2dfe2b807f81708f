import { describe, expect, it } from 'vitest';
import { AttestError } from '../../shared/api/errors';
import type { EventName } from '../../shared/api/events';
import { systemClock } from '../platform/clock';
import { sequentialIds } from '../platform/ids';
import { silentLogger } from '../platform/logger';
import { EventBus } from './events';
import { JobManager } from './jobs';

function setup(concurrency = 2) {
  const events = new EventBus();
  const seen: { event: EventName; payload: unknown; at: number }[] = [];
  events.listen((event, payload) => seen.push({ event, payload, at: Date.now() }));
  const jobs = new JobManager({
    clock: systemClock,
    ids: sequentialIds(),
    events,
    logger: silentLogger,
    concurrency,
  });
  return { jobs, seen };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('jobs', () => {
  it('go queued → running → succeeded and keep their result', async () => {
    const { jobs, seen } = setup();
    const job = jobs.start('vault.verify', 'Verifying', async () => ({ ok: true }));
    expect(['queued', 'running']).toContain(job.state);
    const done = await jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'succeeded', result: { ok: true }, error: null });
    expect(done.startedAt).not.toBeNull();
    expect(
      seen
        .filter((s) => s.event === 'job.state')
        .map((s) => (s.payload as { state: string }).state),
    ).toEqual(['queued', 'running', 'succeeded']);
  });

  it('report failures as error data with a closed code, never a stack', async () => {
    const { jobs } = setup();
    const known = await jobs.wait(
      jobs.start('x.y', 'x', async () => {
        throw new AttestError('disk_full', 'The disk is full');
      }).id,
    );
    expect(known).toMatchObject({
      state: 'failed',
      error: { code: 'disk_full', message: 'The disk is full' },
    });
    const unknown = await jobs.wait(
      jobs.start('x.y', 'x', async () => {
        throw new TypeError('cannot read x of undefined');
      }).id,
    );
    expect(unknown.error).toEqual({
      code: 'internal',
      message: expect.not.stringContaining('undefined'),
    });
  });

  it('throttle progress events to at most 10 a second and always send the last', async () => {
    const { jobs, seen } = setup();
    const job = jobs.start('blobs.add', 'Storing', async ({ progress }) => {
      for (let i = 1; i <= 200; i++) {
        progress({ bytesDone: i, bytesTotal: 200 });
        await sleep(2);
      }
    });
    await jobs.wait(job.id);
    const progress = seen.filter((s) => s.event === 'job.progress');
    const spanSeconds = (progress.at(-1)!.at - progress[0]!.at) / 1000;
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(spanSeconds * 10) + 2);
    expect(progress.at(-1)!.payload).toMatchObject({
      jobId: job.id,
      bytesDone: 200,
      bytesTotal: 200,
    });
    expect(jobs.get(job.id).progress).toMatchObject({ bytesDone: 200 });
  });

  it('run at most `concurrency` at once, the rest waiting their turn', async () => {
    const { jobs } = setup(1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = jobs.start('a.run', 'a', () => gate);
    const b = jobs.start('b.run', 'b', async () => 'b');
    await sleep(5);
    expect(jobs.get(a.id).state).toBe('running');
    expect(jobs.get(b.id).state).toBe('queued');
    release();
    expect((await jobs.wait(b.id)).state).toBe('succeeded');
  });

  it('cancel a queued job at once and a running one through its signal', async () => {
    const { jobs } = setup(1);
    const running = jobs.start('a.run', 'a', async ({ signal }) => {
      while (!signal.aborted) await sleep(2);
      throw new AttestError('cancelled', 'Cancelled; nothing was stored.');
    });
    const queued = jobs.start('b.run', 'b', async () => 'never');
    await sleep(5);
    expect(jobs.cancel(queued.id).state).toBe('cancelled');
    jobs.cancel(running.id);
    expect(await jobs.wait(running.id)).toMatchObject({
      state: 'cancelled',
      error: { code: 'cancelled' },
    });
    expect(() => jobs.get('job_none')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('cancelAll stops everything unfinished (used when the vault closes)', async () => {
    const { jobs } = setup();
    const ids = [1, 2, 3].map(
      () =>
        jobs.start('a.run', 'a', async ({ signal }) => {
          while (!signal.aborted) await sleep(2);
          throw new AttestError('cancelled', 'Cancelled');
        }).id,
    );
    await jobs.cancelAll();
    expect(ids.map((id) => jobs.get(id).state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });
});

describe('job cleanup', () => {
  it('runs once whatever the outcome, even for a job cancelled before it started', async () => {
    const { jobs } = setup(1);
    const cleaned: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = jobs.start('a.run', 'a', () => gate, {
      cleanup: () => cleaned.push('running'),
    });
    const queued = jobs.start('b.run', 'b', async () => 'never', {
      cleanup: () => cleaned.push('queued'),
    });
    const failing = jobs.start(
      'c.run',
      'c',
      async () => {
        throw new Error('boom');
      },
      { cleanup: () => cleaned.push('failing') },
    );
    jobs.cancel(queued.id);
    expect(cleaned).toEqual(['queued']);
    release();
    await jobs.wait(running.id);
    await jobs.wait(failing.id);
    expect(cleaned.sort()).toEqual(['failing', 'queued', 'running']);
  });
});

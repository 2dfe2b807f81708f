// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '../../shared/api/bridge';
import type { EventName } from '../../shared/api/events';
import type { Envelope } from '../../shared/api/index';
import type { Job } from '../../shared/api/jobs';
import { createClient } from './client';
import { ApiCallError } from './errors';
import type { Transport } from './transport';

type Handler = (input: unknown) => Envelope | Promise<Envelope>;

function fakeTransport(handlers: Record<string, Handler>, kind: HostBridge['kind'] = 'browser') {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const reconnects = new Set<() => void>();
  const calls: { method: string; input: unknown }[] = [];
  const host = {
    kind,
    pickFiles: vi.fn(async () => ['up_abc', 'up_def']),
    pathsForDroppedFiles: vi.fn((files: readonly File[]) => files.map((f) => `/home/${f.name}`)),
  } as unknown as HostBridge;
  const transport: Transport = {
    async invoke(method, input) {
      calls.push({ method, input });
      const handler = handlers[method];
      if (!handler) throw new Error(`no fake for ${method}`);
      return handler(input);
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    onReconnect(listener) {
      reconnects.add(listener);
      return () => reconnects.delete(listener);
    },
    host,
    upload: vi.fn(async (file: File) => `up_${file.name.length}`),
  };
  return {
    transport,
    calls,
    emit(event: EventName, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    reconnect() {
      for (const l of reconnects) l();
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

function job(state: Job['state'], extra: Partial<Job> = {}): Job {
  return {
    id: 'job_1',
    kind: 'vault.verify',
    label: 'Verifying the vault',
    state,
    createdAt: '2026-11-26T09:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    progress: null,
    result: null,
    error: null,
    ...extra,
  };
}

const report = {
  ok: true,
  checkedAt: '2026-11-26T09:00:01.000Z',
  checked: { auditEntries: 3, rows: 2, blobs: 0, blobBytes: 0 },
  problems: [],
};

const ok = (value: unknown): Envelope => ({ ok: true, value });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('api.call', () => {
  it('returns the value of an ok envelope', async () => {
    const fake = fakeTransport({ 'app.info': () => ok({ version: '1', home: '/h' }) });
    const api = createClient(fake.transport);
    await expect(api.call('app.info', {})).resolves.toEqual({ version: '1', home: '/h' });
    expect(fake.calls).toEqual([{ method: 'app.info', input: {} }]);
  });

  it('throws an ApiCallError with code, message and details for an error envelope', async () => {
    const details = [{ path: ['engagement', 'name'], message: 'Give the engagement a name' }];
    const fake = fakeTransport({
      'vault.create': () => ({
        ok: false,
        error: { code: 'validation', message: 'engagement.name: Give…', details },
      }),
    });
    const api = createClient(fake.transport);
    const error = await api
      .call('vault.create', { file: 'x', engagement: { name: '' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'validation', details });
    expect((error as ApiCallError).issues).toEqual(details);
  });

  it('turns a transport failure into an io error the user can act on', async () => {
    const fake = fakeTransport({
      'app.info': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = await createClient(fake.transport)
      .call('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'io' });
    expect((error as Error).message).not.toContain('fetch');
  });

  it('counts changing calls in flight, not reads', async () => {
    const fake = fakeTransport({
      'vault.close': () => ok({ closed: true }),
      'vault.info': () => ok({}),
    });
    const api = createClient(fake.transport);
    const seen: number[] = [];
    api.onWritesChange((n) => seen.push(n));
    await api.call('vault.info', {});
    await api.call('vault.close', {});
    expect(seen).toEqual([1, 0]);
  });
});

describe('api.runJob', () => {
  it('follows progress and state events, then resolves with the job result', async () => {
    let current = job('running');
    const fake = fakeTransport({
      'vault.verify': () => ok({ jobId: 'job_1' }),
      'jobs.get': () => ok(current),
    });
    const api = createClient(fake.transport);
    const progress = vi.fn();
    const done = api.runJob('vault.verify', {}, progress, { pollIntervalMs: 0 });
    await flush();
    fake.emit('job.progress', { jobId: 'job_1', filesDone: 1, filesTotal: 2 });
    fake.emit('job.progress', { jobId: 'job_other', filesDone: 9, filesTotal: 9 });
    expect(progress).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledWith({ filesDone: 1, filesTotal: 2 });
    current = job('succeeded', { result: report });
    fake.emit('job.state', { jobId: 'job_1', kind: 'vault.verify', state: 'succeeded' });
    await expect(done).resolves.toEqual(report);
    expect(fake.listenerCount()).toBe(0);
  });

  it('hears events that arrive before the start call answers', async () => {
    const fake = fakeTransport({
      'vault.verify': async () => {
        fake.emit('job.state', { jobId: 'job_1', kind: 'vault.verify', state: 'succeeded' });
        return ok({ jobId: 'job_1' });
      },
      'jobs.get': () => ok(job('succeeded', { result: report })),
    });
    const api = createClient(fake.transport);
    await expect(api.runJob('vault.verify', {}, undefined, { pollIntervalMs: 0 })).resolves.toEqual(
      report,
    );
  });

  it('re-reads the job after the event stream reconnects', async () => {
    let current = job('running');
    const fake = fakeTransport({
      'vault.verify': () => ok({ jobId: 'job_1' }),
      'jobs.get': () => ok(current),
    });
    const api = createClient(fake.transport);
    const done = api.runJob('vault.verify', {}, undefined, { pollIntervalMs: 0 });
    await flush();
    // The job finished while the stream was down: no state event ever arrives.
    current = job('succeeded', { result: report });
    fake.reconnect();
    await expect(done).resolves.toEqual(report);
  });

  it('rejects with the job’s error when it fails', async () => {
    const fake = fakeTransport({
      'vault.verify': () => ok({ jobId: 'job_1' }),
      'jobs.get': () =>
        ok(job('failed', { error: { code: 'disk_full', message: 'The disk is full' } })),
    });
    const error = await createClient(fake.transport)
      .runJob('vault.verify', {}, undefined, { pollIntervalMs: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'disk_full', message: 'The disk is full' });
  });

  it('cancels through jobs.cancel and rejects as cancelled', async () => {
    const fake = fakeTransport({
      'vault.verify': () => ok({ jobId: 'job_1' }),
      'jobs.get': () => ok(job('running')),
      'jobs.cancel': () =>
        ok(job('cancelled', { error: { code: 'cancelled', message: 'Cancelled' } })),
    });
    const controller = new AbortController();
    const onStart = vi.fn();
    const done = createClient(fake.transport).runJob('vault.verify', {}, undefined, {
      signal: controller.signal,
      onStart,
      pollIntervalMs: 0,
    });
    await flush();
    expect(onStart).toHaveBeenCalledWith('job_1');
    controller.abort();
    await expect(done).rejects.toMatchObject({ code: 'cancelled' });
    expect(fake.calls.map((c) => c.method)).toContain('jobs.cancel');
  });

  it('rejects when the job cannot start', async () => {
    const fake = fakeTransport({
      'vault.verify': () => ({ ok: false, error: { code: 'no_vault', message: 'No vault' } }),
    });
    await expect(
      createClient(fake.transport).runJob('vault.verify', {}, undefined, { pollIntervalMs: 0 }),
    ).rejects.toMatchObject({ code: 'no_vault' });
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('api.pickFileSources', () => {
  it('gives upload ids in the browser and paths on the desktop', async () => {
    const browser = createClient(fakeTransport({}, 'browser').transport);
    await expect(browser.pickFileSources({})).resolves.toEqual([
      { uploadId: 'up_abc' },
      { uploadId: 'up_def' },
    ]);
    const desktop = createClient(fakeTransport({}, 'desktop').transport);
    await expect(desktop.pickFileSources({})).resolves.toEqual([
      { path: 'up_abc' },
      { path: 'up_def' },
    ]);
  });
});

describe('api.fileSourceFor', () => {
  it('uploads a page file in the browser and gives its path on the desktop', async () => {
    const file = new File(['PBC #,Item'], 'pbc.csv', { type: 'text/csv' });
    const browser = createClient(fakeTransport({}, 'browser').transport);
    await expect(browser.fileSourceFor(file)).resolves.toEqual({ uploadId: 'up_7' });
    const desktop = createClient(fakeTransport({}, 'desktop').transport);
    await expect(desktop.fileSourceFor(file)).resolves.toEqual({ path: '/home/pbc.csv' });
  });
});

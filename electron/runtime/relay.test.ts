import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/index';
import { type Logger } from '../platform/logger';
import { forkHost } from './fork';
import { RuntimeRelay } from './relay';

/**
 * The runtime host under Node, forked the way `attest serve` forks it (child_process standing in
 * for Electron's utilityProcess; the protocol and the host code are the same). One host serves
 * most tests; the crash test kills one of its own.
 */

const quiet: Logger = { log() {}, info() {}, warn() {}, error() {} };
let root: string;
let relay: RuntimeRelay;

function startHost(home: string): RuntimeRelay {
  mkdirSync(home, { recursive: true });
  return new RuntimeRelay(forkHost(), { home, app: 'relay test', uploads: true }, quiet);
}

async function ok<T>(reply: Promise<Envelope>): Promise<T> {
  const envelope = await reply;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** A vault with one subservice organisation, to attach stored files to. */
async function vaultWithOrg(r: RuntimeRelay, file: string): Promise<string> {
  await ok(r.call('vault.create', { file, engagement: { name: 'Relay' } }, 'cli'));
  await ok(r.call('scope.confirm', {}, 'cli'));
  const org = await ok<{ id: string }>(
    r.call(
      'sd.saveSubservice',
      { name: 'Hosting', services: 'Hosting', method: 'inclusive', criteria: ['CC6.4'] },
      'cli',
    ),
  );
  return org.id;
}

async function waitForJob(r: RuntimeRelay, jobId: string) {
  for (;;) {
    const job = await ok<{ state: string; result: { blobId: number } | null; error: unknown }>(
      r.call('jobs.get', { jobId }, 'cli'),
    );
    if (job.state !== 'queued' && job.state !== 'running') return job;
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** `count` MiB of deterministic bytes, made as they are read (never held whole). */
async function* generated(count: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < count; i++) {
    const chunk = Buffer.alloc(1024 * 1024, i % 251);
    chunk.writeUInt32BE(i, 0);
    yield chunk;
  }
}

/**
 * A full collection, so samples count what is live rather than garbage V8 has not collected yet
 * (it lets up to ~64 MiB of dead buffers pile up before collecting: more than the bound).
 */
const collect: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * What this process keeps alive: the JS heap plus the buffers outside it. Not RSS, which also
 * counts freed memory the allocator has not returned to the system (CI once saw 35 MiB of that
 * on a 32 MiB bound while nothing was retained).
 */
function liveBytes(): number {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

function hostPeakRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

function hostRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'attest-relay-'));
  relay = startHost(join(root, 'home'));
  await relay.whenReady();
});

afterAll(async () => {
  await relay?.shutdown();
  rmSync(root, { recursive: true, force: true });
});

describe('runtime host over fork IPC', () => {
  it('answers calls with the dispatcher’s envelopes, errors as data', async () => {
    const info = await ok<{ openVault: unknown }>(relay.call('app.info', {}, 'http'));
    expect(info.openVault).toBeNull();
    expect(await relay.call('no.such', {}, 'http')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await relay.call('vault.info', {}, 'http')).toMatchObject({
      ok: false,
      error: { code: 'no_vault' },
    });
    // A browser may not name a path on this computer: the host applies the caller's rules.
    const outside = join(root, 'elsewhere.attest');
    expect(
      await relay.call('vault.create', { file: outside, engagement: { name: 'X' } }, 'http'),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('lets the desktop window name only paths granted to it', async () => {
    const file = join(root, 'granted.attest');
    const create = () => relay.call('vault.create', { file, engagement: { name: 'G' } }, 'ipc');
    expect(await create()).toMatchObject({ ok: false, error: { code: 'validation' } });
    relay.grant([file]);
    await ok(create());
    await ok(relay.call('vault.close', {}, 'ipc'));
  });

  it('relays events as they happen', async () => {
    const seen: { event: string; payload: unknown }[] = [];
    const unlisten = relay.events.listen((event, payload) => seen.push({ event, payload }));
    const file = join(root, 'events.attest');
    await ok(relay.call('vault.create', { file, engagement: { name: 'E' } }, 'cli'));
    await ok(relay.call('vault.close', {}, 'cli'));
    unlisten();
    const reasons = seen
      .filter((e) => e.event === 'vault.changed')
      .map((e) => (e.payload as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['opened', 'closed']));
    expect(relay.vaultPath).toBeNull();
  });

  it('streams 100 MiB in through an upload and back out of the vault with flat memory', async () => {
    const orgId = await vaultWithOrg(relay, join(root, 'big.attest'));
    const pid = relay.pid!;
    collect();
    const baseFront = liveBytes();
    const baseHost = hostRssBytes(pid);
    let peakFront = baseFront;
    // Every 8 MiB through, in both directions: what this process still holds after a collection.
    const sample = (done: number) => {
      if (done % (8 * 1024 * 1024) !== 0) return;
      collect();
      peakFront = Math.max(peakFront, liveBytes());
    };
    const expected = createHash('sha256');
    let sent = 0;
    const staged = await relay.upload(
      (async function* () {
        for await (const chunk of generated(100)) {
          expected.update(chunk);
          yield chunk;
          sample((sent += chunk.length));
        }
      })(),
      'big.bin',
    );
    expect(staged).toMatchObject({ fileName: 'big.bin', size: 100 * 1024 * 1024 });
    const { jobId } = await ok<{ jobId: string }>(
      relay.call(
        'sd.attachSubserviceReport',
        { id: orgId, source: { uploadId: staged.uploadId }, fileName: 'big.bin' },
        'http',
      ),
    );
    const job = await waitForJob(relay, jobId);
    expect(job.state).toBe('succeeded');

    const { head, stream } = await relay.read({ kind: 'blob', blobId: job.result!.blobId });
    expect(head.size).toBe(100 * 1024 * 1024);
    const actual = createHash('sha256');
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      actual.update(chunk);
      sample(size);
      // A slow consumer now and then: the host must wait for it rather than fill memory.
      if (size % (16 * 1024 * 1024) === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(size).toBe(100 * 1024 * 1024);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));
    // Generous bounds, far below the 100 MiB that buffering the file would cost on either side
    // (the host's peak includes its uncollected garbage, which no one can collect from here).
    // This side plateaus at 11–31 MiB above its start (pipe write queues, the credit window and
    // chunks not yet freed by the allocator's background thread), flat from the first 8 MiB on.
    expect(peakFront - baseFront).toBeLessThan(48 * 1024 * 1024);
    expect(hostPeakRssBytes(pid) - baseHost).toBeLessThan(80 * 1024 * 1024);
  });

  it('cancels a stream nobody reads any more, and keeps answering', async () => {
    const orgId = await vaultWithOrg(relay, join(root, 'cancel.attest'));
    const staged = await relay.upload(generated(8), 'eight.bin');
    const { jobId } = await ok<{ jobId: string }>(
      relay.call(
        'sd.attachSubserviceReport',
        { id: orgId, source: { uploadId: staged.uploadId }, fileName: 'eight.bin' },
        'http',
      ),
    );
    const { result } = await waitForJob(relay, jobId);
    const first = await relay.read({ kind: 'blob', blobId: result!.blobId });
    for await (const _ of first.stream) break; // one chunk, then the reader walks away
    expect(first.stream.destroyed).toBe(true);
    // The host is free: another full read and a call both complete.
    const second = await relay.read({ kind: 'blob', blobId: result!.blobId });
    let size = 0;
    for await (const chunk of second.stream as AsyncIterable<Buffer>) size += chunk.length;
    expect(size).toBe(8 * 1024 * 1024);
    await expect(relay.read({ kind: 'blob', blobId: 99_999 })).rejects.toMatchObject({
      code: 'not_found',
    });
    // A call the caller gave up on resolves as cancelled at once.
    const controller = new AbortController();
    const pending = relay.call('app.info', {}, 'http', controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await ok(relay.call('vault.close', {}, 'cli'));
  });

  it('fails every pending call when the host dies, and the vault is free for another process', async () => {
    const doomed = startHost(join(root, 'doomed-home'));
    await doomed.whenReady();
    const file = join(root, 'crash.attest');
    await ok(doomed.call('vault.create', { file, engagement: { name: 'Crash' } }, 'cli'));
    const stopped: unknown[] = [];
    doomed.events.listen((event, payload) => {
      if (event === 'runtime.stopped') stopped.push(payload);
    });
    // Frozen first, so the calls are certainly pending when it dies.
    process.kill(doomed.pid!, 'SIGSTOP');
    const calls = [
      doomed.call('vault.info', {}, 'cli'),
      doomed.call('scope.confirm', {}, 'cli'),
      doomed.call('app.info', {}, 'cli'),
    ];
    doomed.kill();
    for (const reply of await Promise.all(calls)) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'host_stopped' } });
    }
    expect(stopped).toEqual([{ path: file, message: expect.stringContaining('stopped') }]);
    expect(doomed.alive).toBe(false);
    // Afterwards nothing waits either.
    expect(await doomed.call('app.info', {}, 'cli')).toMatchObject({
      ok: false,
      error: { code: 'host_stopped' },
    });
    // The lock went with the process: the shared host (another process) opens the vault.
    await ok(relay.call('vault.open', { file }, 'cli'));
    await ok(relay.call('vault.close', {}, 'cli'));
  });
});

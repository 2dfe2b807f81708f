import { type ClientRequest, request } from 'node:http';
import { type Socket, connect as connectTcp } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../testing/http-client';
import { tempDir } from '../testing/tmp';
import { type HttpLimits, startHttpServer } from './http';
import { localBackend } from './local-backend';
import { createRuntime } from './runtime';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of cleanups.splice(0).reverse()) await close();
});

/** A server whose limits are small enough to reach in a test. */
async function startServer(limits: Partial<HttpLimits>, heartbeatMs?: number) {
  const home = tempDir();
  const ctx = createRuntime({ home, app: 'vitest', uploads: true });
  const server = await startHttpServer({
    backend: localBackend(ctx),
    uiDir: home,
    heartbeatMs,
    limits,
  });
  cleanups.push(async () => {
    await server.close();
    await ctx.dispose();
  });
  return { ctx, server, port: server.port };
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A TCP connection that sends `prefix` (maybe nothing) and then nothing more. */
function halfOpen(port: number, prefix = ''): { socket: Socket; closed: () => boolean } {
  let closed = false;
  const socket = connectTcp(port, '127.0.0.1', () => {
    if (prefix) socket.write(prefix);
  });
  socket.on('error', () => {});
  socket.on('close', () => (closed = true));
  socket.resume(); // read whatever the server answers, so its close reaches us
  cleanups.push(() => void socket.destroy());
  return { socket, closed: () => closed };
}

/** A POST whose body trickles in: `bytesPerTick` every `tickMs`, towards `total` bytes. */
function trickle(
  port: number,
  path: string,
  cookie: string,
  options: { total: number; bytesPerTick: number; tickMs: number },
) {
  const state = { status: 0, closed: false, sent: 0 };
  const req: ClientRequest = request(
    {
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { cookie, 'content-length': String(options.total) },
    },
    (res) => {
      state.status = res.statusCode ?? 0;
      res.resume();
    },
  );
  req.on('error', () => {});
  req.on('close', () => (state.closed = true));
  const tick = () => {
    const n = Math.min(options.bytesPerTick, options.total - state.sent);
    if (n <= 0 || state.closed) return clearInterval(timer);
    req.write(Buffer.alloc(n, 7));
    state.sent += n;
    if (state.sent === options.total) req.end();
  };
  const timer = setInterval(tick, options.tickMs);
  tick();
  cleanups.push(() => {
    clearInterval(timer);
    req.destroy();
  });
  return state;
}

describe('attest serve under a flood of connections', () => {
  it('closes connections beyond its cap at once and drops half-open ones, then answers again', async () => {
    const { server, port } = await startServer({
      maxConnections: 16,
      headersTimeoutMs: 300,
      connectionsCheckingIntervalMs: 50,
    });
    const client = await connect(server.tokenUrl);
    // Some send nothing, some half a request line: neither ever completes its headers.
    const flood = Array.from({ length: 300 }, (_, i) =>
      halfOpen(port, i % 2 ? 'POST /rpc/app.info HTTP/1.1\r\nHost: 127.0.0.1' : ''),
    );
    await waitUntil('connections beyond the cap are closed', () =>
      flood.slice(16).every((c) => c.closed()),
    );
    expect(await server.openConnections()).toBeLessThanOrEqual(16);
    await waitUntil('half-open connections are dropped', () => flood.every((c) => c.closed()));
    // At most the signed-in client's own kept-alive connection remains.
    expect(await server.openConnections()).toBeLessThanOrEqual(1);
    // Nothing is stuck: a signed-in call is answered.
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
  });
});

describe('attest serve and slow request bodies', () => {
  it('cuts off a signed-in body that trickles in, while an event stream lives on', async () => {
    const { server, port } = await startServer(
      { bodyTimeoutMs: 1_000, bodyIdleMs: 5_000, bodyCheckIntervalMs: 50 },
      50,
    );
    const client = await connect(server.tokenUrl);
    const events = await client.events();
    cleanups.push(() => events.close());
    let heartbeats = 0;
    // Count heartbeats on a second, raw stream (the event client only keeps named events).
    const sse = request(
      { host: '127.0.0.1', port, path: '/events', headers: { cookie: client.cookie } },
      (res) =>
        res.on('data', (t: Buffer) => (heartbeats += t.toString().split(': heartbeat').length - 1)),
    );
    sse.end();
    cleanups.push(() => void sse.destroy());

    // One byte every 100 ms is never idle for long, but never finishes either.
    const slow = trickle(port, '/rpc/app.info', client.cookie, {
      total: 10_000,
      bytesPerTick: 1,
      tickMs: 100,
    });
    await waitUntil('the slow body is cut off', () => slow.closed);
    expect(slow.status).toBe(408);
    // The event stream outlived the body timeout by far, and still gets heartbeats.
    const before = heartbeats;
    await waitUntil('heartbeats keep coming', () => heartbeats > before + 3);
    expect(sse.destroyed).toBe(false);
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('cuts off an upload that trickles in but lets a steady one take longer than the timeout', async () => {
    const { ctx, server, port } = await startServer({
      bodyTimeoutMs: 1_000,
      bodyIdleMs: 5_000,
      bodyCheckIntervalMs: 50,
      uploadMinBytesPerSecond: 64 * 1024,
    });
    const client = await connect(server.tokenUrl);
    const slow = trickle(port, '/upload?name=slow.bin', client.cookie, {
      total: 1024 * 1024,
      bytesPerTick: 16,
      tickMs: 50,
    });
    // ~1.3 MB/s for about 2.4 s: over twice the body timeout, well above the minimum rate.
    const steady = trickle(port, '/upload?name=steady.bin', client.cookie, {
      total: 3 * 1024 * 1024,
      bytesPerTick: 64 * 1024,
      tickMs: 50,
    });
    await waitUntil('the slow upload is cut off', () => slow.closed);
    expect(slow.status).toBe(408);
    await waitUntil('the steady upload finishes', () => steady.closed);
    expect(steady.status).toBe(200);
    await waitUntil('the partial upload is removed', () => ctx.uploads!.stagedFiles().length < 2);
    expect(ctx.uploads!.stagedFiles()).toEqual([
      expect.objectContaining({ size: 3 * 1024 * 1024 }),
    ]);
  });

  it('cuts off an upload that stalls', async () => {
    const { ctx, server, port } = await startServer({
      bodyTimeoutMs: 60_000,
      bodyIdleMs: 300,
      bodyCheckIntervalMs: 50,
    });
    const client = await connect(server.tokenUrl);
    const stalled = trickle(port, '/upload?name=stalled.bin', client.cookie, {
      total: 1024 * 1024,
      bytesPerTick: 64 * 1024,
      tickMs: 50,
    });
    await waitUntil('some bytes arrive', () => stalled.sent > 0);
    stalled.sent = 1024 * 1024; // stop sending, keep the connection
    await waitUntil('the stalled upload is cut off', () => stalled.closed);
    await waitUntil('nothing stays staged', () => ctx.uploads!.stagedFiles().length === 0);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../platform/csp';
import { run } from '../cli/main';
import { closeVault, openVault } from '../core/vault/session';
import { connect, rawRequest } from '../testing/http-client';
import { REPO_ROOT, waitForLine } from '../testing/spawn';
import { captureIo, tempDir } from '../testing/tmp';
import { newTestVault } from '../testing/vaults';
import { startHttpServer } from './http';
import { localBackend } from './local-backend';
import { createRuntime } from './runtime';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanups.splice(0).reverse()) await close();
});

/** A real server on a free port, ATTEST_HOME and a tiny built UI in a temporary folder. */
async function startServer(options: { uploadLimitBytes?: number; buildUi?: boolean } = {}) {
  const root = tempDir();
  const home = join(root, 'home');
  const uiDir = join(root, 'ui');
  mkdirSync(join(uiDir, 'assets'), { recursive: true });
  if (options.buildUi !== false) {
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>Attest UI</title>');
    writeFileSync(join(uiDir, 'assets', 'app.js'), 'console.log("ui")');
  }
  // Beside the UI folder: what a traversal would try to reach.
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  mkdirSync(home);
  const ctx = createRuntime({
    home,
    app: 'vitest',
    uploads: true,
    uploadLimitBytes: options.uploadLimitBytes,
  });
  const server = await startHttpServer({
    backend: localBackend(ctx),
    port: 0,
    uiDir,
    host: '127.0.0.1',
  });
  cleanups.push(async () => {
    await server.close();
    await ctx.dispose();
  });
  return { root, home, ctx, server, port: server.port };
}

describe('HTTP transport: who may talk to it', () => {
  it('answers 401 without a session, and a page pointing to `attest serve` for browsers', async () => {
    const { port } = await startServer();
    for (const path of ['/', '/assets/app.js', '/events', '/blob/1']) {
      expect((await rawRequest({ port, path })).status, path).toBe(401);
    }
    expect((await rawRequest({ port, path: '/rpc/app.info', method: 'POST' })).status).toBe(401);
    const page = await rawRequest({ port, path: '/', headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body.toString()).toContain('Open the address printed by <code>attest serve</code>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a wrong token and a made-up session cookie', async () => {
    const { port, server } = await startServer();
    const wrong = await rawRequest({ port, path: '/?token=not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const forged = await rawRequest({
      port,
      path: '/',
      headers: { cookie: `attest_session_${port}=forged` },
    });
    expect(forged.status).toBe(401);
    // The real token still works afterwards: failed guesses do not spend it.
    await expect(connect(server.tokenUrl)).resolves.toBeTruthy();
  });

  it('exchanges the token once for an HttpOnly, SameSite=Strict cookie, then only the cookie works', async () => {
    const { port, server } = await startServer();
    const token = new URL(server.tokenUrl).searchParams.get('token')!;
    const first = await rawRequest({ port, path: `/index.html?token=${token}&x=1` });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/index.html?x=1');
    const setCookie = (first.headers['set-cookie'] ?? [])[0]!;
    expect(setCookie).toMatch(/^attest_session_\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).not.toContain(token);

    // Spent: the token alone no longer signs anyone in.
    expect((await rawRequest({ port, path: `/?token=${token}` })).status).toBe(401);
    // The cookie does; the printed address opened again in the same browser just redirects.
    const again = await rawRequest({ port, path: `/?token=${token}`, headers: { cookie } });
    expect(again.status).toBe(302);
    expect(again.headers['set-cookie']).toBeUndefined();
    const page = await rawRequest({ port, path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('Attest UI');
  });

  it('never redirects off the server', async () => {
    const { port, server } = await startServer();
    const token = new URL(server.tokenUrl).searchParams.get('token')!;
    const r = await rawRequest({ port, path: `//evil.example/?token=${token}` });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/evil.example/');
    const second = await startServer();
    const token2 = new URL(second.server.tokenUrl).searchParams.get('token')!;
    const backslash = await rawRequest({
      port: second.port,
      path: `/\\evil.example/?token=${token2}`,
    });
    expect(backslash.status).toBe(302);
    expect(backslash.headers.location).toBe('/evil.example/');
  });

  it('answers 403 to a Host that is not this server (DNS rebinding), even with the cookie', async () => {
    const { port, server } = await startServer();
    const { cookie } = await connect(server.tokenUrl);
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
    ]) {
      const r = await rawRequest({ port, path: '/', headers: { host, cookie } });
      expect(r.status, host).toBe(403);
    }
    const token = new URL(server.tokenUrl).searchParams.get('token');
    const viaRebinding = await rawRequest({
      port,
      path: `/?token=${token}`,
      headers: { host: 'evil.example' },
    });
    expect(viaRebinding.status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const r = await rawRequest({ port, path: '/', headers: { host, cookie } });
      expect(r.status, host).toBe(200);
    }
  });

  it('answers 403 to a foreign Origin and accepts its own', async () => {
    const { port, server } = await startServer();
    const { cookie } = await connect(server.tokenUrl);
    for (const origin of [
      'http://evil.example',
      'null',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
    ]) {
      const r = await rawRequest({
        port,
        path: '/rpc/app.info',
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status, origin).toBe(403);
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const r = await rawRequest({
        port,
        path: '/rpc/app.info',
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status, origin).toBe(200);
    }
  });
});

describe('HTTP transport: POST /rpc/<method>', () => {
  it('answers 200 with the envelope, including validation errors naming the field', async () => {
    const { server, home } = await startServer();
    const client = await connect(server.tokenUrl);
    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { home, openVault: null } });

    const bad = await client.call('vault.create', { file: 'acme', engagement: { name: '  ' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('validation');
    expect(bad.error.details).toContainEqual({
      path: ['engagement', 'name'],
      message: 'Give the engagement a name',
    });
    const noVault = await client.call('vault.info', {});
    expect(noVault).toMatchObject({ ok: false, error: { code: 'no_vault' } });
  });

  it('answers invalid JSON with a validation envelope and an empty body as no input', async () => {
    const { server } = await startServer();
    const client = await connect(server.tokenUrl);
    const post = (body: string) => client.raw('/rpc/app.info', { method: 'POST', body });
    const invalid = await post('{"oops"');
    expect(invalid.status).toBe(200);
    expect(invalid.headers.get('content-type')).toContain('application/json');
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await (await post('')).json()).toMatchObject({ ok: true });
  });

  it('answers 404 to an unknown method and 405 to anything but POST', async () => {
    const { server } = await startServer();
    const client = await connect(server.tokenUrl);
    for (const name of ['vault.explode', 'toString', '__proto__', 'constructor']) {
      const r = await client.raw(`/rpc/${name}`, { method: 'POST', body: '{}' });
      expect(r.status, name).toBe(404);
    }
    expect((await client.raw('/rpc/app.info')).status).toBe(405);
    expect((await client.raw('/rpc/app.info/more', { method: 'POST' })).status).toBe(404);
    expect((await client.raw('/nothing-here.js')).status).toBe(404);
  });

  it('answers 413 to a body over 1 MiB, declared or streamed', async () => {
    const { server, port } = await startServer();
    const client = await connect(server.tokenUrl);
    const big = JSON.stringify({ file: 'x'.repeat(1024 * 1024) });
    const declared = await client.raw('/rpc/vault.open', { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    const chunked = await rawRequest({
      port,
      path: '/rpc/vault.open',
      method: 'POST',
      headers: { cookie: client.cookie, 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    // The server is still fine afterwards.
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
  });
});

describe('HTTP transport: no local paths from a browser', () => {
  it('refuses to read a file by path, and keeps vaults inside ATTEST_HOME', async () => {
    const { server, home, root } = await startServer();
    const client = await connect(server.tokenUrl);
    expect(
      await client.call('vault.create', { file: 'mine.attest', engagement: { name: 'Mine' } }),
    ).toMatchObject({ ok: true });
    const refusals: [string, unknown][] = [
      ['requests.previewImport', { source: { path: '/etc/passwd' }, fileName: 'passwd.csv' }],
      [
        'requests.import',
        { source: { path: '/dev/zero' }, fileName: 'zero.csv', mapping: { ref: 'PBC #' } },
      ],
      ['tasks.export', { format: 'csv', saveTo: { path: join(root, 'plan.csv') } }],
      ['requests.previewImport', { source: { path: '/etc/hosts' }, fileName: 'hosts.csv' }],
      ['vault.saveCopy', { file: join(root, 'outside.attest') }],
      ['vault.open', { file: '/etc/passwd' }],
      ['vault.create', { file: join(root, 'planted.attest'), engagement: { name: 'P' } }],
    ];
    for (const [method, input] of refusals) {
      const reply = await client.call(method, input);
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(existsSync(join(root, 'outside.attest'))).toBe(false);
    expect(existsSync(join(root, 'planted.attest'))).toBe(false);
    // A full path inside ATTEST_HOME (the recent list's way of naming a vault) is its own.
    await client.call('vault.close', {});
    expect(await client.call('vault.open', { file: join(home, 'mine.attest') })).toMatchObject({
      ok: true,
    });
  });
});

describe('HTTP transport: the static UI', () => {
  it('serves the UI with the desktop app’s security headers', async () => {
    const { server } = await startServer();
    const client = await connect(server.tokenUrl);
    const index = await client.raw('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(index.headers.get(name), name).toBe(value);
    }
    const script = await client.raw('/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await script.text()).toBe('console.log("ui")');
    // Built assets are named by their content: kept by the browser. The page naming them is not.
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect((await client.raw('/audit/requests')).headers.get('cache-control')).toBe('no-cache');
  });

  it('refuses paths that leave the UI folder', async () => {
    const { server, port } = await startServer();
    const { cookie } = await connect(server.tokenUrl);
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await rawRequest({ port, path, headers: { cookie } });
      expect(r.status, path).toBe(404);
      expect(r.body.toString()).not.toContain('TOP SECRET');
    }
  });

  it('says how to build the UI when it is missing', async () => {
    const { server } = await startServer({ buildUi: false });
    const client = await connect(server.tokenUrl);
    const r = await client.raw('/');
    expect(r.status).toBe(503);
    expect(await r.text()).toContain('npm run build:renderer');
  });
});

describe('HTTP transport: bytes and events', () => {
  const ENGAGEMENT = { name: 'Acme 2026', period: { start: '2026-01-01', end: '2026-06-30' } };

  it('answers 413 to an upload over the limit, declared or streamed, leaving nothing staged', async () => {
    const { server, port, ctx } = await startServer({ uploadLimitBytes: 64 * 1024 });
    const client = await connect(server.tokenUrl);
    const tooBig = Buffer.alloc(200 * 1024, 7);
    const declared = await client.raw('/upload?name=big.bin', { method: 'POST', body: tooBig });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest({
      port,
      path: '/upload?name=big.bin',
      method: 'POST',
      headers: { cookie: client.cookie, 'transfer-encoding': 'chunked' },
      body: tooBig,
    });
    expect(streamed.status).toBe(413);
    expect(ctx.uploads!.stagedFiles()).toEqual([]);
    // Exactly at the limit is fine.
    const fits = await client.raw('/upload?name=fits.bin', {
      method: 'POST',
      body: Buffer.alloc(64 * 1024, 1),
    });
    expect(fits.status).toBe(200);
    expect(ctx.uploads!.stagedFiles()).toEqual([expect.objectContaining({ size: 64 * 1024 })]);
  });

  it('removes a partial upload when the client goes away mid-body', async () => {
    const { server, port, ctx } = await startServer();
    const { cookie } = await connect(server.tokenUrl);
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/upload?name=half.bin',
      method: 'POST',
      headers: { cookie, 'content-length': String(1024 * 1024) },
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(256 * 1024, 3));
    await waitUntil(() => ctx.uploads!.stagedFiles().some((f) => f.size > 0));
    req.destroy();
    await waitUntil(() => ctx.uploads!.stagedFiles().length === 0);
  });

  it('uploads a file, stores it as a vendor report (job events over SSE) and streams it back', async () => {
    const { server, ctx } = await startServer();
    const client = await connect(server.tokenUrl);
    const stream = await client.events();
    cleanups.push(async () => stream.close());
    expect(
      await client.call('vault.create', { file: 'acme', engagement: ENGAGEMENT }),
    ).toMatchObject({ ok: true });
    await stream.waitFor((e) => e.event === 'vault.changed');
    expect(await client.call('scope.confirm', {})).toMatchObject({ ok: true });
    const org = await client.call('sd.saveSubservice', {
      name: 'Hosting provider',
      services: 'Hosting',
      method: 'inclusive',
      criteria: ['CC6.4'],
    });
    if (!org.ok) throw new Error(org.error.message);

    const bytes = Buffer.from('<script>alert(1)</script> évidence ✓\n'.repeat(2000), 'utf8');
    const up = await client.raw('/upload?name=Prüfbericht%20(final).html', {
      method: 'POST',
      body: bytes,
    });
    expect(up.status).toBe(200);
    const upload = (await up.json()) as { uploadId: string; fileName: string; size: number };
    expect(upload).toMatchObject({ fileName: 'Prüfbericht (final).html', size: bytes.length });
    expect(upload.uploadId).toMatch(/^up_[a-z0-9]+$/);

    const added = await client.call('sd.attachSubserviceReport', {
      id: (org.value as { id: string }).id,
      source: { uploadId: upload.uploadId },
      fileName: upload.fileName,
    });
    if (!added.ok) throw new Error(added.error.message);
    const { jobId } = added.value as { jobId: string };
    let job: { state: string; result: { blobId: number; size: number } | null };
    for (;;) {
      const got = await client.call('jobs.get', { jobId });
      if (!got.ok) throw new Error(got.error.message);
      job = got.value as typeof job;
      if (job.state !== 'queued' && job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job.state).toBe('succeeded');
    await stream.waitFor(
      (e) =>
        e.event === 'job.state' && (e.data as { jobId: string; state: string }).jobId === jobId,
    );
    const states = stream.received
      .filter((e) => e.event === 'job.state' && (e.data as { jobId: string }).jobId === jobId)
      .map((e) => (e.data as { state: string }).state);
    expect(states).toContain('running');
    await stream.waitFor(
      (e) =>
        e.event === 'job.state' &&
        (e.data as { jobId: string; state: string }).jobId === jobId &&
        (e.data as { state: string }).state === 'succeeded',
    );
    // The staged copy is gone once the bytes are in the vault.
    expect(ctx.uploads!.stagedFiles()).toEqual([]);

    const blobId = job.result!.blobId;
    const inline = await client.raw(`/blob/${blobId}?name=${encodeURIComponent(upload.fileName)}`);
    expect(inline.status).toBe(200);
    expect(Buffer.from(await inline.arrayBuffer()).equals(bytes)).toBe(true);
    expect(inline.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(inline.headers.get('content-length')).toBe(String(bytes.length));
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    expect(inline.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(inline.headers.get('content-disposition')).toBe(
      `inline; filename="Pr_fbericht (final).html"; filename*=UTF-8''Pr%C3%BCfbericht%20%28final%29.html`,
    );
    const download = await client.raw(`/blob/${blobId}?download=1&name=report.pdf`);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report.pdf"/,
    );
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    const nameless = await client.raw(`/blob/${blobId}`);
    expect(nameless.headers.get('content-type')).toBe('application/octet-stream');
    await nameless.arrayBuffer();

    expect((await client.raw(`/blob/${blobId + 1000}`)).status).toBe(404);
    expect((await client.raw('/blob/abc')).status).toBe(404);
    expect((await client.raw('/blob/1', { method: 'POST' })).status).toBe(405);
    expect(await client.call('vault.close', {})).toMatchObject({ ok: true });
    expect((await client.raw(`/blob/${blobId}`)).status).toBe(409);
  });

  it('sends heartbeats and stops listening when the client goes away', async () => {
    const root = tempDir();
    const ctx = createRuntime({ home: root, app: 'vitest', uploads: true });
    // Count the event-bus subscriptions the server holds.
    let subscribed = 0;
    const listen = ctx.events.listen.bind(ctx.events);
    ctx.events.listen = (listener) => {
      subscribed++;
      const stop = listen(listener);
      return () => {
        subscribed--;
        return stop();
      };
    };
    const server = await startHttpServer({
      backend: localBackend(ctx),
      uiDir: root,
      heartbeatMs: 20,
    });
    cleanups.push(async () => {
      await server.close();
      await ctx.dispose();
    });
    const { cookie } = await connect(server.tokenUrl);
    const text = await new Promise<string>((resolve, reject) => {
      const req = rawStream(server.port, cookie, (body) => {
        if (body.split(': heartbeat').length > 2) {
          req.destroy();
          resolve(body);
        }
      });
      req.on('error', reject);
    });
    expect(text).toMatch(/^retry: \d+\n: connected\n\n/);
    expect(subscribed).toBe(1);
    // The subscription ends once the server notices the closed connection.
    await waitUntil(() => subscribed === 0);
  });
});

/** GET /events with node:http, handing every new piece of body text to `onText`. */
function rawStream(port: number, cookie: string, onText: (body: string) => void) {
  let body = '';
  const req = request({ host: '127.0.0.1', port, path: '/events', headers: { cookie } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (t: string) => onText((body += t)));
  });
  req.end();
  return req;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('attest serve', () => {
  it('prints the address, serves the vault, and closes it cleanly on SIGINT', async () => {
    const dir = tempDir();
    const vaultPath = join(dir, 'acme.attest');
    closeVault(await newTestVault(dir, 'acme.attest'));
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'electron/cli/attest.mjs'), 'serve', 'acme.attest', '--port', '0'],
      { cwd: dir, env: { ...process.env, ATTEST_HOME: join(dir, 'home') } },
    );
    cleanups.push(async () => void child.kill('SIGKILL'));
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = await waitForLine(child, /^Attest is running at /);
    const tokenUrl = line.replace('Attest is running at ', '').trim();
    expect(tokenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);

    const client = await connect(tokenUrl);
    expect(await client.call('vault.info', {})).toMatchObject({
      ok: true,
      value: { path: vaultPath, engagement: { name: 'Acme SOC 2 Type II 2026' } },
    });
    expect(existsSync(`${vaultPath}.lock`)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toBe(`Attest is running at ${tokenUrl}\n`);
    expect(existsSync(`${vaultPath}.lock`)).toBe(false);
    // Closed for real: another process can open it now.
    closeVault(await openVault(vaultPath, { app: 'vitest' }));
  });

  it.each([
    [['--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['--port', '-1'], '--port'],
    [['--port', '80.5'], '--port must be a whole number'],
    [['a.attest', 'b.attest'], 'at most one vault'],
    [['--colour', 'blue'], "Unknown option '--colour'"],
  ])('refuses %j before starting anything', async (args, message) => {
    const dir = tempDir();
    const c = captureIo(dir);
    expect(await run(['serve', ...args], c.io)).toBe(2);
    expect(c.err).toContain(message);
    expect(c.out).toBe('');
  });

  it('reports a vault it cannot open the way vault.open does, and exits 2', async () => {
    const dir = tempDir();
    const c = captureIo(dir);
    expect(await run(['serve', 'missing.attest'], c.io)).toBe(2);
    expect(c.err).toMatch(/^attest serve: .*missing\.attest/);
    expect(c.out).toBe('');
  });
});

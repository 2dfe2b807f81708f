import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runningWorkers } from '../../platform/workers';
import { startHttpServer } from '../../rpc/http';
import { localBackend } from '../../rpc/local-backend';
import { createRuntime } from '../../rpc/runtime';
import { type HttpTestClient, connect } from '../../testing/http-client';
import { tempDir } from '../../testing/tmp';
import {
  writeNewlinesCsv,
  writeSharedStringBomb,
  writeUnterminatedQuoteCsv,
} from './hostile-fixtures';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanups.splice(0).reverse()) await close();
});

/** `attest serve` in this process: a real HTTP server on a free port, ATTEST_HOME in a temp folder. */
async function serve(): Promise<HttpTestClient> {
  const root = tempDir();
  const home = join(root, 'home');
  mkdirSync(home);
  mkdirSync(join(root, 'ui'));
  const ctx = createRuntime({ home, app: 'vitest', uploads: true });
  const server = await startHttpServer({
    backend: localBackend(ctx),
    port: 0,
    uiDir: join(root, 'ui'),
    host: '127.0.0.1',
  });
  cleanups.push(async () => {
    await server.close();
    await ctx.dispose();
  });
  const client = await connect(server.tokenUrl);
  const created = await client.call('vault.create', {
    file: 'acme',
    engagement: { name: 'Acme', reportType: 'type1', asOf: '2026-03-31' },
  });
  expect(created.ok).toBe(true);
  return client;
}

async function upload(client: HttpTestClient, path: string, name: string): Promise<string> {
  const r = await client.raw(`/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body: readFileSync(path),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { uploadId: string }).uploadId;
}

/** Calls app.info one after another until `done` settles; how many answered meanwhile. */
async function answersWhile(client: HttpTestClient, done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.finally(() => (settled = true));
  let answered = 0;
  while (!settled) {
    const info = await client.call('app.info', {});
    expect(info.ok).toBe(true);
    if (!settled) answered++;
    // Paced like a screen polling, so the test's own calls leave the reader some CPU.
    await sleep(10);
  }
  return answered;
}

describe('a hostile request list sent to `attest serve`', () => {
  it.each([
    ['newlines.csv', writeNewlinesCsv, 'has more than 5,000 rows'],
    ['quote.csv', writeUnterminatedQuoteCsv, 'runs past 32,767 characters'],
    ['bomb.xlsx', writeSharedStringBomb, 'unpacks to more than 32 MiB'],
  ] as const)(
    '%s: the server keeps answering while it is read, then refuses it and ends the worker',
    async (name, write, message) => {
      const client = await serve();
      const uploadId = await upload(client, await write(join(tempDir(), name)), name);

      // The preview (a plain call) and the import (a job) both read the file.
      const preview = client.call('requests.previewImport', {
        source: { uploadId },
        fileName: name,
      });
      expect(await answersWhile(client, preview)).toBeGreaterThanOrEqual(5);
      const previewed = await preview;
      expect(previewed.ok ? null : previewed.error.code).toBe('validation');
      expect(previewed.ok ? '' : previewed.error.message).toContain(message);

      const started = await client.call('requests.import', {
        source: { uploadId },
        fileName: name,
        mapping: { ref: 'PBC #' },
      });
      if (!started.ok) throw new Error(started.error.message);
      const { jobId } = started.value as { jobId: string };
      const job = (async () => {
        for (;;) {
          const got = await client.call('jobs.get', { jobId });
          if (!got.ok) throw new Error(got.error.message);
          const value = got.value as { state: string; error: { code: string; message: string } };
          if (value.state !== 'queued' && value.state !== 'running') return value;
          await sleep(10);
        }
      })();
      expect(await answersWhile(client, job)).toBeGreaterThanOrEqual(5);
      expect((await job).state).toBe('failed');
      expect((await job).error.code).toBe('validation');
      expect((await job).error.message).toContain(message);

      const listed = await client.call('requests.list', {});
      expect(listed.ok ? (listed.value as { total: number }).total : -1).toBe(0);
      expect(runningWorkers()).toBe(0);
    },
  );
});

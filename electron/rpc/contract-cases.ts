import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { type Envelope, type Input, type MethodName, methods } from '../../shared/api/index';
import type { Job } from '../../shared/api/jobs';

/** How a case reaches the server: direct dispatch or HTTP, the same envelope either way. */
export interface Harness {
  home: string;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Envelope>;
}

type Case = (t: Harness) => Promise<void>;

/** Calls and checks the value against the method's declared output schema. */
export async function ok<M extends MethodName>(t: Harness, method: M, input: Input<M>) {
  const envelope = await t.call(method, input);
  if (!envelope.ok)
    throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return (methods[method].output as z.ZodType).parse(envelope.value) as z.infer<
    (typeof methods)[M]['output']
  >;
}

export async function fails<M extends MethodName>(
  t: Harness,
  method: M,
  input: unknown,
  code: string,
) {
  const envelope = await t.call(method, input as Input<M>);
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('unreachable');
  expect(envelope.error.code).toBe(code);
  expect(JSON.stringify(envelope.error)).not.toMatch(/\n\s+at /); // never a stack
  return envelope.error;
}

/** Polls a job until it finishes and checks its result against the method's jobResult schema. */
export async function finish(t: Harness, jobId: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = await ok(t, 'jobs.get', { jobId });
    if (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled') {
      if (job.state === 'succeeded') {
        const resultSchema = (methods[job.kind as MethodName] as { jobResult?: z.ZodType })
          .jobResult;
        expect(resultSchema, `jobResult declared for ${job.kind}`).toBeDefined();
        resultSchema!.parse(job.result);
      }
      return job;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobId} did not finish`);
}

let counter = 0;
export async function freshVault(t: Harness, reportType: 'type1' | 'type2' = 'type2') {
  const file = `case-${process.pid}-${++counter}.attest`;
  const engagement =
    reportType === 'type2'
      ? { name: `Case ${counter}`, reportType, period: { start: '2026-01-01', end: '2026-06-30' } }
      : { name: `Case ${counter}`, reportType, asOf: '2026-03-31' };
  return { file, info: await ok(t, 'vault.create', { file, engagement }) };
}

function bigFile(home: string, mib: number): string {
  const path = join(home, `big-${++counter}.bin`);
  const buf = Buffer.alloc(mib * 1024 * 1024);
  for (let i = 0; i + 4 <= buf.length; i += 4)
    buf.writeUInt32LE(Math.imul(i + counter, 2654435761) >>> 0, i);
  writeFileSync(path, buf);
  return path;
}

/**
 * One case per contract method. The mapped type makes a method without a case a compile error,
 * so the suite run over both transports covers the whole contract.
 */
export const CONTRACT_CASES: { [M in MethodName]: Case } = {
  'app.info': async (t) => {
    const info = await ok(t, 'app.info', {});
    expect(info.home).toBe(t.home);
    await fails(t, 'app.info', { surprise: 1 }, 'validation');
  },
  'vault.create': async (t) => {
    const { info } = await freshVault(t);
    expect(info.engagement.categories).toEqual(['security']);
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const error = await fails(
      t,
      'vault.create',
      {
        file: 'bad.attest',
        engagement: {
          name: 'X',
          reportType: 'type2',
          period: { start: '2026-06-30', end: '2026-01-01' },
        },
      },
      'validation',
    );
    expect(error.details).toEqual([
      { path: ['engagement', 'period', 'end'], message: 'The period must end after it starts' },
    ]);
    await fails(
      t,
      'vault.create',
      { file: '../escape.attest', engagement: { name: 'X' } },
      'validation',
    );
  },
  'vault.open': async (t) => {
    const { file, info } = await freshVault(t);
    await ok(t, 'vault.close', {});
    const reopened = await ok(t, 'vault.open', { file });
    expect(reopened.fingerprint).toBe(info.fingerprint);
    writeFileSync(join(t.home, 'junk.attest'), 'not a vault at all');
    const error = await fails(t, 'vault.open', { file: 'junk.attest' }, 'not_a_vault');
    expect(error.message).toContain('not an Attest vault');
    await fails(t, 'vault.open', { file: 'missing.attest' }, 'not_found');
    // The failed opens left the open vault alone.
    expect((await ok(t, 'vault.info', {})).path).toBe(info.path);
  },
  'vault.close': async (t) => {
    await freshVault(t);
    expect(await ok(t, 'vault.close', {})).toEqual({ closed: true });
    expect(await ok(t, 'vault.close', {})).toEqual({ closed: false });
    await fails(t, 'vault.info', {}, 'no_vault');
  },
  'vault.info': async (t) => {
    const { info } = await freshVault(t, 'type1');
    const again = await ok(t, 'vault.info', {});
    expect(again).toEqual(info);
    expect(again.engagement.asOf).toBe('2026-03-31');
  },
  'vault.verify': async (t) => {
    await freshVault(t);
    const { jobId } = await ok(t, 'vault.verify', {});
    const job = await finish(t, jobId);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ ok: true, problems: [] });
  },
  'vault.saveCopy': async (t) => {
    await freshVault(t);
    const file = `copy-${++counter}.attest`;
    const { path } = await ok(t, 'vault.saveCopy', { file });
    expect(path).toBe(join(t.home, file));
    await fails(t, 'vault.saveCopy', { file }, 'conflict');
  },
  'vault.recent': async (t) => {
    const { info } = await freshVault(t);
    const { items } = await ok(t, 'vault.recent', {});
    expect(items[0]).toMatchObject({ path: info.path, name: info.engagement.name });
  },
  'vault.forgetRecent': async (t) => {
    const { info } = await freshVault(t);
    const { items } = await ok(t, 'vault.forgetRecent', { path: info.path });
    expect(items.map((i) => i.path)).not.toContain(info.path);
  },
  'vault.available': async (t) => {
    const { file } = await freshVault(t);
    const { home, items } = await ok(t, 'vault.available', {});
    expect(home).toBe(t.home);
    expect(items.map((i) => i.fileName)).toContain(file);
  },
  'jobs.get': async (t) => {
    await fails(t, 'jobs.get', { jobId: 'job_nope' }, 'not_found');
    await fails(t, 'jobs.get', {}, 'validation');
  },
  'jobs.list': async (t) => {
    await freshVault(t);
    const { jobId } = await ok(t, 'vault.verify', {});
    await finish(t, jobId);
    const { items } = await ok(t, 'jobs.list', { states: ['succeeded'] });
    expect(items.map((j) => j.id)).toContain(jobId);
    await fails(t, 'jobs.list', { states: ['paused'] }, 'validation');
  },
  'jobs.cancel': async (t) => {
    await freshVault(t);
    const path = bigFile(t.home, 48);
    const { jobId } = await ok(t, 'blobs.add', { source: { path } });
    await ok(t, 'jobs.cancel', { jobId });
    const job = await finish(t, jobId);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('cancelled');
    expect((await ok(t, 'vault.info', {})).counts.blobs).toBe(0);
  },
  'blobs.add': async (t) => {
    await freshVault(t);
    const path = bigFile(t.home, 3);
    const first = await finish(t, (await ok(t, 'blobs.add', { source: { path } })).jobId);
    expect(first.state).toBe('succeeded');
    expect(first.result).toMatchObject({ size: 3 * 1024 * 1024, deduplicated: false });
    const second = await finish(t, (await ok(t, 'blobs.add', { source: { path } })).jobId);
    expect(second.result).toMatchObject({ deduplicated: true });
    const missing = await finish(
      t,
      (await ok(t, 'blobs.add', { source: { path: join(t.home, 'nope') } })).jobId,
    );
    expect(missing.state).toBe('failed');
    expect(missing.error?.code).toBe('not_found');
    await fails(t, 'blobs.add', { source: { uploadId: 'not-an-id' } }, 'validation');
  },
  'blobs.get': async (t) => {
    await freshVault(t);
    const path = bigFile(t.home, 1);
    const job = await finish(t, (await ok(t, 'blobs.add', { source: { path } })).jobId);
    const { blobId, sha256 } = job.result as { blobId: number; sha256: string };
    expect(await ok(t, 'blobs.get', { blobId })).toEqual({ blobId, sha256, size: 1024 * 1024 });
    await fails(t, 'blobs.get', { blobId: 424242 }, 'not_found');
  },
};

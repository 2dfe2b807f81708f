import { join } from 'node:path';
import { expect } from 'vitest';
import { type Case, bigFile, fails, finish, freshVault, ok } from './harness';

export const jobsCases = {
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
    const { jobId } = await ok(t, 'blobs.add', { source: await t.source(path) });
    await ok(t, 'jobs.cancel', { jobId });
    const job = await finish(t, jobId);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('cancelled');
    expect((await ok(t, 'vault.info', {})).counts.blobs).toBe(0);
  },
  'blobs.add': async (t) => {
    await freshVault(t);
    const path = bigFile(t.home, 3);
    const first = await finish(
      t,
      (await ok(t, 'blobs.add', { source: await t.source(path) })).jobId,
    );
    expect(first.state).toBe('succeeded');
    expect(first.result).toMatchObject({ size: 3 * 1024 * 1024, deduplicated: false });
    const second = await finish(
      t,
      (await ok(t, 'blobs.add', { source: await t.source(path) })).jobId,
    );
    expect(second.result).toMatchObject({ deduplicated: true });
    // A path names a file on this computer: missing, it is not_found; over HTTP no path is taken.
    await fails(
      t,
      'blobs.add',
      { source: { path: join(t.home, 'nope') } },
      t.transport === 'http' ? 'validation' : 'not_found',
    );
    await fails(t, 'blobs.add', { source: { uploadId: 'not-an-id' } }, 'validation');
  },
  'blobs.get': async (t) => {
    await freshVault(t);
    const path = bigFile(t.home, 1);
    const job = await finish(t, (await ok(t, 'blobs.add', { source: await t.source(path) })).jobId);
    const { blobId, sha256 } = job.result as { blobId: number; sha256: string };
    expect(await ok(t, 'blobs.get', { blobId })).toEqual({ blobId, sha256, size: 1024 * 1024 });
    await fails(t, 'blobs.get', { blobId: 424242 }, 'not_found');
  },
} satisfies Record<string, Case>;

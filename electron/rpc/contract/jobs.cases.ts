import { expect } from 'vitest';
import {
  type Case,
  type Harness,
  bigFile,
  fails,
  finish,
  freshVault,
  scopedVault,
  ok,
} from './harness';

/** A scoped vault with one subservice organisation, whose report attachments store files. */
async function vendor(t: Harness): Promise<string> {
  await scopedVault(t);
  const org = await ok(t, 'sd.saveSubservice', {
    name: 'Hosting provider',
    services: 'Hosting',
    method: 'inclusive',
    criteria: ['CC6.4'],
  });
  return org.id;
}

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
    const org = await vendor(t);
    const path = bigFile(t.home, 48);
    const { jobId } = await ok(t, 'sd.attachSubserviceReport', {
      id: org,
      source: await t.source(path),
      fileName: 'vendor-report.pdf',
    });
    await ok(t, 'jobs.cancel', { jobId });
    const job = await finish(t, jobId);
    expect(job.state).toBe('cancelled');
    expect(job.error?.code).toBe('cancelled');
    expect((await ok(t, 'vault.info', {})).counts.blobs).toBe(0);
  },
  'blobs.get': async (t) => {
    const org = await vendor(t);
    const path = bigFile(t.home, 1);
    const job = await finish(
      t,
      (
        await ok(t, 'sd.attachSubserviceReport', {
          id: org,
          source: await t.source(path),
          fileName: 'vendor-report.pdf',
        })
      ).jobId,
    );
    const { blobId, sha256 } = job.result as { blobId: number; sha256: string };
    expect(await ok(t, 'blobs.get', { blobId })).toEqual({ blobId, sha256, size: 1024 * 1024 });
    await fails(t, 'blobs.get', { blobId: 424242 }, 'not_found');
  },
} satisfies Record<string, Case>;

import { CLI_CALLER } from '../../rpc/callers';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/api/jobs';
import { silentLogger } from '../../platform/logger';
import { dispatch } from '../../rpc/dispatch';
import { discardUpload, holdUpload } from '../../rpc/start-job';
import { createRuntime } from '../../rpc/runtime';
import { tempDir } from '../../testing/tmp';
import { PBC_CSV } from './test-fixtures';

/** Browser mode hands files over as uploads: only a completed import may consume one. */
describe('request lists sent as uploads', () => {
  it('survive a preview and a refused import, and are released once imported', async () => {
    const home = tempDir();
    const runtime = createRuntime({ home, app: 'vitest', logger: silentLogger, uploads: true });
    const call = async (method: string, input: unknown) => {
      const envelope = await dispatch(runtime, method, input, CLI_CALLER);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.value as Record<string, unknown>;
    };
    const finished = async (jobId: string) => runtime.jobs.wait(jobId) as Promise<Job>;
    try {
      await call('vault.create', {
        file: 'u.attest',
        engagement: { name: 'U', reportType: 'type1', asOf: '2026-03-31' },
      });
      const upload = await runtime.uploads!.receive(
        Readable.from([Buffer.from(PBC_CSV)]),
        'pbc.csv',
      );
      const source = { uploadId: upload.id };

      const preview = await call('requests.previewImport', { source, fileName: 'pbc.csv' });
      expect(preview.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 2 });
      expect(runtime.uploads!.stagedFiles()).toHaveLength(1);

      const refused = await finished(
        (await call('requests.import', { source, fileName: 'pbc.csv', mapping: { ref: 'Nope' } }))
          .jobId as string,
      );
      expect(refused.error?.code).toBe('validation');
      expect(runtime.uploads!.stagedFiles()).toHaveLength(1);

      const imported = await finished(
        (await call('requests.import', { source, fileName: 'pbc.csv', mapping: preview.mapping }))
          .jobId as string,
      );
      expect(imported.state).toBe('succeeded');
      expect(runtime.uploads!.stagedFiles()).toEqual([]);
    } finally {
      await runtime.dispose();
    }
  });

  it('are discarded when the wizard is closed, and never under a job that reads them', async () => {
    const home = tempDir();
    const runtime = createRuntime({ home, app: 'vitest', logger: silentLogger, uploads: true });
    const call = async (method: string, input: unknown) => {
      const envelope = await dispatch(runtime, method, input, CLI_CALLER);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.value as Record<string, unknown>;
    };
    const stage = () => runtime.uploads!.receive(Readable.from([Buffer.from(PBC_CSV)]), 'pbc.csv');
    try {
      await call('vault.create', {
        file: 'd.attest',
        engagement: { name: 'D', reportType: 'type1', asOf: '2026-03-31' },
      });
      // Previewed, then the wizard closed: the staged file goes at once, and only once.
      const previewed = await stage();
      const source = { uploadId: previewed.id };
      await call('requests.previewImport', { source, fileName: 'pbc.csv' });
      expect(await call('blobs.discardUpload', source)).toEqual({ outcome: 'discarded' });
      expect(runtime.uploads!.stagedFiles()).toEqual([]);
      expect(await call('blobs.discardUpload', source)).toEqual({ outcome: 'not_staged' });
      const gone = await dispatch(
        runtime,
        'requests.previewImport',
        {
          source,
          fileName: 'pbc.csv',
        },
        CLI_CALLER,
      );
      expect(gone.ok ? null : gone.error.code).toBe('not_found');

      // Read by a job: the discard waits for the last job's end, whatever its outcome.
      const busy = await stage();
      const first = holdUpload(runtime, busy.id);
      const second = holdUpload(runtime, busy.id);
      expect(discardUpload(runtime, busy.id)).toEqual({ outcome: 'after_job' });
      first();
      first(); // a cleanup that runs twice counts once
      expect(runtime.uploads!.stagedFiles()).toHaveLength(1);
      second();
      expect(runtime.uploads!.stagedFiles()).toEqual([]);

      // Held and never discarded: the job's end leaves it staged for another try.
      const kept = await stage();
      holdUpload(runtime, kept.id)();
      expect(runtime.uploads!.stagedFiles()).toHaveLength(1);
      expect(discardUpload(runtime, kept.id)).toEqual({ outcome: 'discarded' });

      // A refused import holds its upload; closing the wizard afterwards removes it.
      const refused = await stage();
      const job = await call('requests.import', {
        source: { uploadId: refused.id },
        fileName: 'pbc.csv',
        mapping: { ref: 'Nope' },
      });
      expect(((await runtime.jobs.wait(job.jobId as string)) as Job).state).toBe('failed');
      expect(runtime.uploads!.stagedFiles()).toHaveLength(1);
      expect(await call('blobs.discardUpload', { uploadId: refused.id })).toEqual({
        outcome: 'discarded',
      });
      expect(runtime.uploads!.stagedFiles()).toEqual([]);
    } finally {
      await runtime.dispose();
    }
  });
});

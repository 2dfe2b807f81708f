import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/api/jobs';
import { silentLogger } from '../../platform/logger';
import { dispatch } from '../../rpc/dispatch';
import { createRuntime } from '../../rpc/runtime';
import { tempDir } from '../../testing/tmp';
import { PBC_CSV } from './test-fixtures';

/** Browser mode hands files over as uploads: only a completed import may consume one. */
describe('request lists sent as uploads', () => {
  it('survive a preview and a refused import, and are released once imported', async () => {
    const home = tempDir();
    const runtime = createRuntime({ home, app: 'vitest', logger: silentLogger, uploads: true });
    const call = async (method: string, input: unknown) => {
      const envelope = await dispatch(runtime, method, input);
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
});

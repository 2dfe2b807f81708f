import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import type { PackageExportResult } from '../../../shared/api/package';
import { type Case, type Harness, fails, finish, scopedVault, nextId, ok } from './harness';

/** Runs `package.export` as this transport's user would; answers the result and the zip. */
export async function exportedPackage(t: Harness, input: Record<string, unknown> = {}) {
  const saveTo =
    t.transport === 'direct' ? { path: join(t.home, `package-${nextId()}.zip`) } : undefined;
  const { jobId } = await ok(t, 'package.export', { ...input, ...(saveTo ? { saveTo } : {}) });
  const job = await finish(t, jobId);
  if (job.state !== 'succeeded') throw new Error(`package.export: ${JSON.stringify(job.error)}`);
  const result = job.result as PackageExportResult;
  const path = saveTo?.path ?? join(t.home, `downloaded-${nextId()}.zip`);
  if (!saveTo) {
    expect(result).toMatchObject({
      savedTo: null,
      download: expect.stringMatching(/^\/outputs\//),
    });
    writeFileSync(path, await t.download(result.download!));
  } else {
    expect(result).toMatchObject({ savedTo: saveTo.path, download: null });
  }
  return { result, path };
}

export const packageCases = {
  'package.export': async (t) => {
    await scopedVault(t);
    const control = (await ok(t, 'controls.list', { limit: 1 })).items[0]!;
    const evidence = join(t.home, `${nextId()}-q1 review.txt`);
    writeFileSync(evidence, 'reviewed\n');
    const s = await t.source(evidence);
    const sources = ['path' in s ? s : { uploadId: s.uploadId, fileName: basename(evidence) }];
    await finish(t, (await ok(t, 'evidence.add', { sources, controlIds: [control.id] })).jobId);

    const { result, path } = await exportedPackage(t);
    const info = await ok(t, 'vault.info', {});
    expect(result.fingerprint).toBe(info.fingerprint);
    expect(result.sha256).toBe(
      createHash('sha256')
        .update(execFileSync('cat', [path]))
        .digest('hex'),
    );
    const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
    expect(names.filter((n) => n.startsWith('04_Evidence/'))).toEqual([
      expect.stringMatching(new RegExp(`^04_Evidence/${control.ref}/EV-1_\\d+-q1-review\\.txt$`)),
    ]);
    expect(names).toEqual(
      expect.arrayContaining(['manifest.json', 'manifest.json.sig', 'SHA256SUMS']),
    );
    expect(result.files).toBe(names.length);

    await fails(t, 'package.export', { categories: [] }, 'validation');
    await fails(t, 'package.export', { categories: ['met'] }, 'validation');
    await fails(t, 'package.export', { internal: 'yes' }, 'validation');
  },
} satisfies Record<string, Case>;

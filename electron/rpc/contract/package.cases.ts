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

    // A delta of that package (a path, or an upload in a browser): only the file added since.
    const later = join(t.home, `${nextId()}-q2 review.txt`);
    writeFileSync(later, 'reviewed again\n');
    const l = await t.source(later);
    const more = ['path' in l ? l : { uploadId: l.uploadId, fileName: basename(later) }];
    await finish(
      t,
      (await ok(t, 'evidence.add', { sources: more, controlIds: [control.id] })).jobId,
    );
    const earlier = await t.source(path);
    const since =
      'path' in earlier ? earlier : { uploadId: earlier.uploadId, fileName: 'wave1.zip' };
    const delta = await exportedPackage(t, { since });
    expect(delta.result.delta).toMatchObject({ new: 1, removed: 0 });
    const deltaNames = execFileSync('unzip', ['-Z1', delta.path], { encoding: 'utf8' });
    expect(deltaNames.split('\n').filter((n) => n.startsWith('04_Evidence/'))).toEqual([
      expect.stringMatching(/-q2-review\.txt$/),
    ]);
    if (t.transport === 'http') {
      // Over HTTP a method never takes a local path.
      await fails(t, 'package.export', { since: { path } }, 'validation');
    }
  },
} satisfies Record<string, Case>;

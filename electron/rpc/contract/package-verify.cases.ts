import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sampleFiles, writeTestPackage } from '../../testing/package-fixture';
import { type Case, fails, finish, nextId, ok } from './harness';

export const packageVerifyCases = {
  'package.verify': async (t) => {
    // No vault is needed: an auditor checks a package on a machine that has none.
    await ok(t, 'vault.close', {});
    const pkg = await writeTestPackage(join(t.home, `pkg-${nextId()}.zip`), sampleFiles());
    const job = await finish(
      t,
      (await ok(t, 'package.verify', { source: await t.source(pkg.path) })).jobId,
    );
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      verified: true,
      fingerprint: pkg.fingerprint,
      filesChecked: 5,
      problems: [],
    });
    expect(job.progress).toMatchObject({ filesDone: 5, filesTotal: 5 });

    const changed = await writeTestPackage(join(t.home, `pkg-${nextId()}.zip`), sampleFiles(), {
      tamper: { replace: { 'index.html': 'changed' } },
    });
    const tampered = await finish(
      t,
      (await ok(t, 'package.verify', { source: await t.source(changed.path) })).jobId,
    );
    expect(tampered.result).toMatchObject({
      verified: false,
      problems: [{ kind: 'changed', path: 'index.html' }],
    });

    const junk = join(t.home, `junk-${nextId()}.zip`);
    writeFileSync(junk, 'not a zip');
    const refused = await finish(
      t,
      (await ok(t, 'package.verify', { source: await t.source(junk) })).jobId,
    );
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'not_a_package' } });
    await fails(t, 'package.verify', { source: { uploadId: '../x' } }, 'validation');
    if (t.transport === 'http') {
      // Over HTTP a method never takes a local path.
      await fails(t, 'package.verify', { source: { path: pkg.path } }, 'validation');
    }
  },
} satisfies Record<string, Case>;

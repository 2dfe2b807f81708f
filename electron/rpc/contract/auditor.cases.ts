import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sampleFiles, writeTestPackage } from '../../testing/package-fixture';
import { type Case, fails, finish, nextId, ok } from './harness';

/** Opens a verified package in auditor mode; the caller closes it. */
async function openSample(t: Parameters<Case>[0]) {
  await ok(t, 'vault.close', {});
  const pkg = await writeTestPackage(join(t.home, `pkg-${nextId()}.zip`), sampleFiles());
  const job = await finish(
    t,
    (await ok(t, 'auditor.openPackage', { source: await t.source(pkg.path) })).jobId,
  );
  return { pkg, job };
}

export const auditorCases = {
  'auditor.openPackage': async (t) => {
    const { pkg, job } = await openSample(t);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      opened: true,
      package: { fingerprint: pkg.fingerprint, filesChecked: 5 },
    });
    // Read-only: a method that changes a vault is refused while the package is open.
    const refused = await fails(t, 'vault.close', {}, 'conflict');
    expect(refused.message).toMatch(/^Auditor mode is read-only: /);
    await ok(t, 'auditor.closePackage', {});

    // A tampered package is answered with its report and stays closed.
    const changed = await writeTestPackage(join(t.home, `pkg-${nextId()}.zip`), sampleFiles(), {
      tamper: { replace: { 'index.html': 'changed' } },
    });
    const tampered = await finish(
      t,
      (await ok(t, 'auditor.openPackage', { source: await t.source(changed.path) })).jobId,
    );
    expect(tampered.result).toMatchObject({
      opened: false,
      package: null,
      report: { verified: false, problems: [{ kind: 'changed', path: 'index.html' }] },
    });
    expect(await ok(t, 'auditor.package', {})).toBeNull();
    await fails(t, 'auditor.openPackage', { source: { uploadId: '../x' } }, 'validation');
  },
  'auditor.closePackage': async (t) => {
    await openSample(t);
    const kept = join(t.home, 'auditor', 'packages');
    // A browser's upload is kept under ATTEST_HOME while it is open, and goes when it closes.
    const keptFiles = () => (existsSync(kept) ? readdirSync(kept) : []);
    expect(keptFiles()).toHaveLength(t.transport === 'http' ? 1 : 0);
    expect(await ok(t, 'auditor.closePackage', {})).toEqual({ closed: true });
    expect(keptFiles()).toEqual([]);
    expect(await ok(t, 'auditor.closePackage', {})).toEqual({ closed: false });
    await ok(t, 'vault.close', {});
  },
  'auditor.package': async (t) => {
    const { pkg } = await openSample(t);
    const { engagement } = pkg.manifest;
    expect(await ok(t, 'auditor.package', {})).toMatchObject({
      fingerprint: pkg.fingerprint,
      filesChecked: 5,
      report: { verified: true },
      engagement: engagement.name,
      type: engagement.type,
      periodStart: engagement.periodStart,
      periodEnd: engagement.periodEnd,
      asOf: engagement.asOf,
      manifestSha256: createHash('sha256')
        .update(execFileSync('unzip', ['-p', pkg.path, 'manifest.json']))
        .digest('hex'),
    });
    await ok(t, 'auditor.closePackage', {});
    expect(await ok(t, 'auditor.package', {})).toBeNull();
  },
} satisfies Record<string, Case>;

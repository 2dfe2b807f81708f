import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Tamper, sampleFiles, writeTestPackage } from '../../testing/package-fixture';
import { tempDir } from '../../testing/tmp';
import { serializeManifest } from '../../../shared/domain/package/manifest';
import { verifyPackage } from './verify-package';
import { keyFingerprint, publicKeyPem, signManifest } from './verify-signature';

const EVIDENCE = '04_Evidence/CC6.1-01/EV-0001_2026-03-31_access-review-Q1.pdf';

async function build(tamper?: Tamper) {
  const dir = tempDir();
  const pkg = await writeTestPackage(join(dir, 'package.zip'), sampleFiles(), { tamper });
  return { dir, pkg, report: await verifyPackage(pkg.path) };
}

const named = (report: Awaited<ReturnType<typeof verifyPackage>>) =>
  report.problems.map((p) => [p.kind, p.path]);

describe('verifying an audit package', () => {
  it('verifies an untouched package: every file checked, the key fingerprint named', async () => {
    const { dir, pkg, report } = await build();
    expect(report).toMatchObject({
      verified: true,
      complete: true,
      fingerprint: pkg.fingerprint,
      filesChecked: 5, // four files and signing-key.pub
      problems: [],
      manifest: { format: 1, engagement: 'Acme Cloud SOC 2', files: 5 },
    });
    // Nothing was unpacked: the folder holds the package and nothing else.
    expect(readdirSync(dir)).toEqual(['package.zip']);
  });

  it('verifies deflated entries as well as stored ones, and names a changed deflated one', async () => {
    const dir = tempDir();
    const files = sampleFiles().map((f) => ({ ...f, compress: true }));
    files.push({ path: '01_Index/big.csv', content: 'row,value\n'.repeat(50_000), compress: true });
    const pkg = await writeTestPackage(join(dir, 'deflated.zip'), files);
    expect(await verifyPackage(pkg.path)).toMatchObject({ verified: true, filesChecked: 6 });
    const changed = await writeTestPackage(join(dir, 'changed.zip'), files, {
      tamper: { replace: { '01_Index/big.csv': 'row,value\n'.repeat(49_999) + 'row,valuE\n' } },
    });
    expect(named(await verifyPackage(changed.path))).toEqual([['changed', '01_Index/big.csv']]);
  });

  it('names a changed evidence file', async () => {
    const { report } = await build({ replace: { [EVIDENCE]: '%PDF-1.4 access reviev' } });
    expect(report.verified).toBe(false);
    expect(named(report)).toEqual([['changed', EVIDENCE]]);
    expect(report.problems[0]!.message).toContain('no longer matches its SHA-256');
  });

  it('names a file whose size changed', async () => {
    const { report } = await build({ replace: { 'index.html': '<!doctype html>' } });
    expect(named(report)).toEqual([['changed', 'index.html']]);
    expect(report.problems[0]!.message).toMatch(/has 15 bytes where the manifest records \d+/);
  });

  it('names a changed manifest as a bad signature', async () => {
    const { report } = await build({
      manifest: (text) => text.replace('Acme Cloud SOC 2', 'Acme Cloud SOC 3'),
    });
    expect(named(report)).toEqual([['bad_signature', 'manifest.json.sig']]);
    expect(report.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a manifest whose hash for a file was changed to match a changed file', async () => {
    const { report } = await build({
      replace: { 'index.html': 'swapped' },
      manifest: (text) =>
        text.replace(
          /("path": "index.html",\n\s+"sha256": ")[0-9a-f]{64}(",\n\s+"size": )\d+/,
          '$1ac4d1f8a6bdeb2ed8da2f4dd6c3e55d5c2ad5efc2e4b4e8ac22a0bc12cf7b27c$27',
        ),
    });
    expect(named(report)).toContainEqual(['bad_signature', 'manifest.json.sig']);
  });

  it('names a changed signature', async () => {
    const { report } = await build({ signature: Buffer.alloc(64, 7) });
    expect(named(report)).toEqual([['bad_signature', 'manifest.json.sig']]);
  });

  it('names a removed file and an added one', async () => {
    const { report } = await build({
      remove: [EVIDENCE],
      add: { '04_Evidence/CC6.1-01/EV-0099_extra.pdf': 'slipped in' },
    });
    expect(named(report)).toEqual([
      ['missing', EVIDENCE],
      ['not_in_manifest', '04_Evidence/CC6.1-01/EV-0099_extra.pdf'],
    ]);
    expect(report.problems[1]!.message).toBe(
      'Not in the manifest: 04_Evidence/CC6.1-01/EV-0099_extra.pdf is in the package but not in its signed manifest.',
    );
  });

  it('names a missing signature, key or manifest', async () => {
    expect(named((await build({ remove: ['manifest.json.sig'] })).report)).toEqual([
      ['missing', 'manifest.json.sig'],
    ]);
    const noManifest = (await build({ remove: ['manifest.json'] })).report;
    expect(noManifest.verified).toBe(false);
    expect(named(noManifest)).toEqual([['missing', 'manifest.json']]);
    const noKey = (await build({ remove: ['signing-key.pub'] })).report;
    expect(named(noKey)).toEqual([['missing', 'signing-key.pub']]);
    expect(noKey.fingerprint).toBeNull();
  });

  it('names a SHA256SUMS that no longer matches the manifest', async () => {
    const { report } = await build({ replace: { SHA256SUMS: 'nonsense\n' } });
    expect(named(report)).toEqual([['changed', 'SHA256SUMS']]);
  });

  it('names a swapped key: a valid signature by another key than the manifest names', async () => {
    const dir = tempDir();
    const key = generateKeyPairSync('ed25519');
    const first = await writeTestPackage(join(dir, 'a.zip'), sampleFiles(), { key });
    const other = generateKeyPairSync('ed25519');
    const bytes = Buffer.from(serializeManifest(first.manifest));
    const swapped = await writeTestPackage(join(dir, 'b.zip'), sampleFiles(), {
      key,
      tamper: {
        replace: { 'signing-key.pub': publicKeyPem(other.publicKey) },
        signature: signManifest(bytes, other.privateKey),
      },
    });
    const report = await verifyPackage(swapped.path);
    expect(named(report)).toEqual([
      ['key_mismatch', 'signing-key.pub'],
      ['changed', 'signing-key.pub'],
    ]);
    expect(report.fingerprint).toBe(keyFingerprint(other.publicKey));
  });

  it('refuses an unknown format and a manifest that is not one', async () => {
    const future = await build({ manifest: (t) => t.replace('"format": 1', '"format": 2') });
    expect(named(future.report)).toContainEqual(['unknown_format', 'manifest.json']);
    expect(future.report.problems.find((p) => p.kind === 'unknown_format')!.message).toContain(
      'format 2',
    );
    const junk = await build({ manifest: () => '{not json' });
    expect(named(junk.report)).toContainEqual(['bad_manifest', 'manifest.json']);
  });

  it('refuses a file that is not a zip, naming it so', async () => {
    const dir = tempDir();
    const path = join(dir, 'random.zip');
    writeFileSync(path, Buffer.from('not a zip, just some words'));
    await expect(verifyPackage(path)).rejects.toMatchObject({ code: 'not_a_package' });
  });
});

describe('a package and standard tools', () => {
  it('unzip and sha256sum -c accept the package; re-zipped by zip -r (folder entries and all) it still verifies', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(join(dir, 'package.zip'), sampleFiles());
    const out = join(dir, 'unpacked');
    execFileSync('unzip', ['-q', pkg.path, '-d', out]);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' })).toMatch(
      /index\.html: OK/,
    );
    const rezipped = join(dir, 'rezipped.zip');
    execFileSync('zip', ['-q', '-r', '-X', rezipped, '.'], { cwd: out });
    expect(await verifyPackage(rezipped)).toMatchObject({
      verified: true,
      fingerprint: pkg.fingerprint,
      filesChecked: 5,
    });
  });

  it('stops when cancelled', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(join(dir, 'package.zip'), sampleFiles());
    await expect(verifyPackage(pkg.path, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

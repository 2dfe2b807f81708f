import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVerifyReportSchema } from '../../shared/api/package-verify';
import { sampleFiles, writeTestPackage } from '../testing/package-fixture';
import { rawZip } from '../testing/raw-zip';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

describe('attest verify <package>', () => {
  it('exits 0 for an untouched package, saying so with the fingerprint and files checked', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(join(dir, 'acme.zip'), sampleFiles());
    const cli = captureIo(dir);
    expect(await run(['verify', 'acme.zip'], cli.io)).toBe(0);
    expect(cli.out).toContain('Package integrity verified: files unchanged since export.');
    expect(cli.out).toContain(`Signing key fingerprint: ${pkg.fingerprint}`);
    expect(cli.out).toContain('Files checked: 5');
    expect(cli.out).toContain('Audit package of Acme Cloud SOC 2 (Acme)');
    // Nothing unpacked beside it (the CLI's home holds its log only).
    expect(readdirSync(dir).sort()).toEqual(['acme.zip', 'home']);
  });

  it('detects a package by its first bytes whatever its name, and prints the report with --json', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(join(dir, 'package.bin'), sampleFiles());
    const cli = captureIo(dir);
    expect(await run(['verify', '--json', pkg.path], cli.io)).toBe(0);
    const report = packageVerifyReportSchema.parse(JSON.parse(cli.out));
    expect(report).toMatchObject({ verified: true, fingerprint: pkg.fingerprint });
  });

  it('exits 1 naming each changed, missing and extra file', async () => {
    const dir = tempDir();
    await writeTestPackage(join(dir, 'tampered.zip'), sampleFiles(), {
      tamper: {
        replace: { 'index.html': 'changed' },
        remove: ['01_Index/evidence-index.csv'],
        add: { 'extra.txt': 'added' },
      },
    });
    const cli = captureIo(dir);
    expect(await run(['verify', 'tampered.zip'], cli.io)).toBe(1);
    expect(cli.out).toContain('Package NOT verified: 3 problems found:');
    expect(cli.out).toContain('✗ Changed: index.html has 7 bytes where the manifest records');
    expect(cli.out).toContain(
      '✗ Missing: 01_Index/evidence-index.csv is listed in the manifest but not in the package.',
    );
    expect(cli.out).toContain('✗ Not in the manifest: extra.txt');
    expect(cli.out).not.toContain('integrity verified');
  });

  it('exits 1 for a bad signature and for hostile entries', async () => {
    const dir = tempDir();
    await writeTestPackage(join(dir, 'resigned.zip'), sampleFiles(), {
      tamper: { signature: Buffer.alloc(64) },
    });
    const bad = captureIo(dir);
    expect(await run(['verify', 'resigned.zip'], bad.io)).toBe(1);
    expect(bad.out).toContain('✗ Bad signature: manifest.json.sig is not the signature');

    writeFileSync(
      join(dir, 'evil.zip'),
      rawZip([{ name: '../../etc/cron.d/x', data: Buffer.from('x') }]),
    );
    const evil = captureIo(dir);
    expect(await run(['verify', 'evil.zip'], evil.io)).toBe(1);
    expect(evil.out).toContain('Package refused');
    expect(evil.out).toContain('✗ Hostile entry "../../etc/cron.d/x": it climbs out of the folder');
  });

  it('exits 2 for a file that is not a zip at all, or a cut-short one', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'random.zip'),
      Buffer.from('PK\x03\x04 and then nothing useful', 'latin1'),
    );
    const cli = captureIo(dir);
    expect(await run(['verify', 'random.zip'], cli.io)).toBe(2);
    expect(cli.err).toContain('attest verify: This file cannot be read as a zip archive');
    const refused = captureIo(dir);
    expect(await run(['verify', '--accept-witness', 'random.zip'], refused.io)).toBe(2);
    expect(refused.err).toContain('--accept-witness applies to a vault');
  });
});

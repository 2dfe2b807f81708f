import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackageVault } from '../testing/package-vault';
import { sampleFiles, writeTestPackage } from '../testing/package-fixture';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

describe('attest export', () => {
  it('writes the package, prints the fingerprint to send separately, and checks every argument first', async () => {
    const dir = tempDir();
    const vault = await buildPackageVault(dir);
    const attest = async (...args: string[]) => {
      const cli = captureIo(dir);
      const code = await run(args, cli.io);
      return { code, out: cli.out, err: cli.err };
    };

    const refused = [
      [['export', vault], /--out/],
      [['export', '--out', 'p.zip'], /exactly one vault/],
      [
        ['export', vault, '--out', 'p.zip', '--categories', 'evidence,met'],
        /--categories[\s\S]*the parts are: index/,
      ],
      [['export', vault, '--out', join(dir, 'nowhere', 'p.zip')], /does not exist/],
      [['export', join(dir, 'missing.attest'), '--out', 'p.zip'], /no vault at/],
      [['export', vault, '--out', 'p.zip', '--since', 'old.zip'], /--since: no package at/],
      [['export', vault, '--out', 'p.zip', '--internal'], /Unknown option/],
    ] as const;
    for (const [args, message] of refused) {
      const r = await attest(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.zip'))).toEqual([]);

    const ok = await attest(
      'export',
      vault,
      '--out',
      'package.zip',
      '--by-request',
      '--include-internal',
      '--categories',
      'evidence,index',
    );
    expect(ok.code, ok.err).toBe(0);
    const fingerprint = /Key fingerprint: ([0-9a-f]{64})/.exec(ok.out)![1]!;
    expect(ok.out).toMatch(/by another channel/);
    const names = execFileSync('unzip', ['-Z1', join(dir, 'package.zip')], { encoding: 'utf8' });
    expect(names).toMatch(/^04_Evidence\/PBC-001\/EV-\d+_2026-03-31_SUM-1-1-access-review\.txt$/m);
    expect(names).toMatch(/^07_Internal\/deviations\.csv$/m);
    expect(names).not.toMatch(/^03_Policies\//m);
    const manifest = JSON.parse(
      execFileSync('unzip', ['-p', join(dir, 'package.zip'), 'manifest.json'], {
        encoding: 'utf8',
      }),
    );
    expect(manifest.keyFingerprint).toBe(fingerprint);
    expect(manifest.options).toMatchObject({
      byRequest: true,
      internal: true,
      categories: ['evidence', 'index'],
    });

    const json = await attest('export', vault, '--out', 'again.zip', '--json');
    expect(json.code, json.err).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ fingerprint, savedTo: join(dir, 'again.zip') });
    expect(existsSync(join(dir, 'again.zip'))).toBe(true);

    // A delta of the first package: verified first, then only what changed; verify names it.
    const note = join(dir, 'wave2-note.txt');
    writeFileSync(note, 'Evidence for the second wave.\n');
    expect((await attest('evidence', 'add', vault, note, '--control', 'AC-01')).code).toBe(0);
    const delta = await attest('export', vault, '--out', 'wave2.zip', '--since', 'again.zip');
    expect(delta.code, delta.err).toBe(0);
    expect(delta.out).toMatch(
      /A delta of again\.zip: 1 new, \d+ changed, \d+ unchanged \(left out\), 0 removed since\./,
    );
    const deltaNames = execFileSync('unzip', ['-Z1', join(dir, 'wave2.zip')], { encoding: 'utf8' });
    expect(deltaNames).toMatch(/^04_Evidence\/AC-01\/EV-\d+_wave2-note\.txt$/m);
    expect(deltaNames).not.toMatch(/access-review/);
    const verified = await attest('verify', join(dir, 'wave2.zip'));
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toMatch(
      /A delta package: only what is new or changed since the package exported/,
    );
    expect(verified.out).toContain('Package integrity verified');
    // Against a package from another vault: refused, saying why, nothing written.
    await writeTestPackage(join(dir, 'other.zip'), sampleFiles());
    const other = await attest('export', vault, '--out', 'wave3.zip', '--since', 'other.zip');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/other\.zip was exported from another vault/);
    expect(existsSync(join(dir, 'wave3.zip'))).toBe(false);
  }, 180_000);
});

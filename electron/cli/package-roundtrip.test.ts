import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackageVault } from '../testing/package-vault';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

/**
 * The writer and the verifier agree: a package `attest export` writes is one `attest verify`
 * accepts as it is, and a package changed by one byte afterwards is refused, naming the file.
 */
describe('attest export, then attest verify', () => {
  it('verifies a package as exported, and names a file changed since', async () => {
    const dir = tempDir();
    const vault = await buildPackageVault(dir);
    const attest = async (...args: string[]) => {
      const cli = captureIo(dir);
      const code = await run(args, cli.io);
      return { code, out: cli.out, err: cli.err };
    };
    const exported = await attest('export', vault, '--out', 'package.zip', '--include-internal');
    expect(exported.code, exported.err).toBe(0);
    const fingerprint = /Key fingerprint: ([0-9a-f]{64})/.exec(exported.out)![1]!;

    const verified = await attest('verify', 'package.zip');
    expect(verified.code, verified.out + verified.err).toBe(0);
    expect(verified.out).toContain('Package integrity verified: files unchanged since export');
    expect(verified.out).toContain(fingerprint);

    // One byte of the stored README changed in place (its size and the zip's layout kept).
    const path = join(dir, 'package.zip');
    const bytes = readFileSync(path);
    const at = bytes.indexOf(Buffer.from('%PDF-'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 'Q'.charCodeAt(0);
    writeFileSync(path, bytes);
    const changed = await attest('verify', 'package.zip');
    expect(changed.code).toBe(1);
    expect(changed.out + changed.err).toMatch(/00_README\.pdf/);
  }, 120_000);
});

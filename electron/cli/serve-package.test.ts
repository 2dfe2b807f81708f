import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditorPackages, disposeAuditorPackages } from '../testing/auditor-packages';
import { connect } from '../testing/http-client';
import { captureIo, tempDir } from '../testing/tmp';
import { serveAttest } from './commands/serve';
import { run } from './main';

afterAll(disposeAuditorPackages);

describe('attest serve --package', () => {
  it('serves a verified package in auditor mode, read-only', async () => {
    const { full } = await auditorPackages();
    const dir = tempDir();
    const running = await serveAttest({ home: join(dir, 'home'), package: full, uiDir: dir });
    try {
      expect(running.package).toMatchObject({ path: full, report: { verified: true } });
      const client = await connect(running.tokenUrl);
      const open = await client.call('auditor.package', {});
      expect(open).toMatchObject({ ok: true, value: { path: full } });
      const contents = await client.call('auditor.contents', {});
      expect(contents).toMatchObject({ ok: true });
      // Read-only: a method that would change a vault is refused.
      const refused = await client.call('vault.close', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await running.close();
    }
  }, 120_000);

  it('refuses to start with a package changed since export, naming the problem (exit 1)', async () => {
    const { full } = await auditorPackages();
    const dir = tempDir();
    const zip = join(dir, 'changed.zip');
    copyFileSync(full, zip);
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from('%PDF-'));
    bytes[at + 1] = 'Q'.charCodeAt(0);
    writeFileSync(zip, bytes);
    const cli = captureIo(dir);
    const code = await run(['serve', '--package', 'changed.zip'], cli.io);
    expect(code).toBe(1);
    expect(cli.out).toMatch(/Package NOT verified/);
    expect(cli.out).toMatch(/00_README\.pdf/);
    expect(cli.out).not.toMatch(/Attest is running/);
    expect(cli.err).toMatch(/did not verify/);
  }, 120_000);

  it('takes a vault or a package, not both', async () => {
    const cli = captureIo(tempDir());
    expect(await run(['serve', 'x.attest', '--package', 'p.zip'], cli.io)).toBe(2);
    expect(cli.err).toMatch(/not both/);
  });
});

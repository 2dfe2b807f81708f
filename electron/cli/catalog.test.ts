import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../shared/domain/catalog';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalogUpdatePlanSchema,
  catalogUpdateResultSchema,
} from '../../shared/api/catalog-update';
import { builtInCatalog, loadCatalog, useCatalog } from '../core/catalog/catalog';
import { NEWER, newerCatalog, writeCatalogDir } from '../testing/newer-catalog';
import { REPO_ROOT, runNode } from '../testing/spawn';
import { captureIo, tempDir } from '../testing/tmp';
import { USAGE, run } from './main';

async function attest(...argv: string[]) {
  const c = captureIo(tempDir());
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

describe('attest catalog', () => {
  it('prints a summary: criteria per category, controls per domain, policy template keys', async () => {
    const r = await attest('catalog');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const catalog = loadCatalog();
    expect(r.out).toContain(`SOC 2 catalog ${catalog.version}`);
    expect(r.out).toContain('Criteria (61)');
    expect(r.out).toMatch(/Security\s+33\s+CC1\.1–CC9\.2/);
    expect(r.out).toMatch(/Availability\s+3\s+A1\.1–A1\.3/);
    expect(r.out).toMatch(/Confidentiality\s+2\s+C1\.1–C1\.2/);
    expect(r.out).toMatch(/Processing Integrity\s+5\s+PI1\.1–PI1\.5/);
    expect(r.out).toMatch(/Privacy\s+18\s+P1\.1–P8\.1/);
    expect(r.out).toContain(`Control library (${catalog.controls.length} controls)`);
    const access = catalog.controls.filter((c) => c.domain === 'access').length;
    expect(r.out).toMatch(new RegExp(`AC\\s+Access control\\s+${access}\\n`));
    expect(r.out).toContain(`Policy templates (${catalog.policies.length})`);
    for (const p of catalog.policies) expect(r.out).toContain(p.key);
  });

  it('prints the whole catalog with --json', async () => {
    const r = await attest('catalog', '--json');
    expect(r.code).toBe(0);
    const parsed = catalogSchema.parse(JSON.parse(r.out));
    expect(parsed).toEqual(loadCatalog());
    // The policy templates come with their Markdown, the controls they support and their promises.
    const ac = parsed.policies.find((p) => p.key === 'access-control')!;
    expect(ac.body.join('\n')).toContain('{{company}}');
    expect(ac.controls).toContain('AC-06');
    expect(ac.promises.some((p) => p.kind === 'time_limit')).toBe(true);
  });

  it('refuses arguments and unknown flags with exit code 2', async () => {
    const extra = await attest('catalog', 'acme.attest');
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('catalog: unknown argument "acme.attest"');
    const noVault = await attest('catalog', 'update');
    expect(noVault.code).toBe(2);
    expect(noVault.err).toContain('catalog update: give exactly one vault path');
    const flag = await attest('catalog', '--csv');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--csv'");
  });

  it('is listed in the usage text', () => {
    expect(USAGE).toContain('catalog [--json]');
    expect(USAGE).toContain('catalog update <vault> [--apply] [--json]');
  });
});

describe('attest catalog update', () => {
  async function scopedVault() {
    const dir = tempDir();
    const c = captureIo(dir);
    expect(
      await run(['init', 'acme.attest', '--name', 'Acme', '--as-of', '2026-03-31'], c.io),
    ).toBe(0);
    return { dir, path: join(dir, 'acme.attest') };
  }
  const inDir = async (dir: string, ...argv: string[]) => {
    const c = captureIo(dir);
    const code = await run(argv, c.io);
    return { code, out: c.out, err: c.err };
  };

  it('says there is nothing to update for a vault scoped with this build’s catalog', async () => {
    const { dir } = await scopedVault();
    const r = await inDir(dir, 'catalog', 'update', 'acme.attest');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`uses catalog ${loadCatalog().version}, the one this build ships`);
  });

  it('shows a newer build’s changes, applies them with --apply, and the vault verifies', async () => {
    const { dir } = await scopedVault();
    useCatalog(newerCatalog());
    try {
      const shown = await inDir(dir, 'catalog', 'update', 'acme.attest');
      expect(shown.code).toBe(0);
      expect(shown.out).toContain(`Catalog update ${builtInCatalog().version} → ${NEWER.version}`);
      expect(shown.out).toMatch(
        new RegExp(`New controls to add \\(2\\)[\\s\\S]*${NEWER.added.ref}`),
      );
      expect(shown.out).toContain(`Controls dropped from the library (kept as your own) (1)`);
      const json = await inDir(dir, 'catalog', 'update', 'acme.attest', '--json');
      expect(catalogUpdatePlanSchema.parse(JSON.parse(json.out)).status).toBe('update_available');

      const applied = await inDir(dir, 'catalog', 'update', 'acme.attest', '--apply', '--json');
      expect(applied.code).toBe(0);
      expect(catalogUpdateResultSchema.parse(JSON.parse(applied.out))).toMatchObject({
        toVersion: NEWER.version,
        retired: [NEWER.retired.ref],
      });
      const again = await inDir(dir, 'catalog', 'update', 'acme.attest', '--apply');
      expect(again.out).toContain('Nothing to update');
      expect((await inDir(dir, 'verify', 'acme.attest')).code).toBe(0);
    } finally {
      useCatalog(null);
    }
  });

  it('takes a newer catalog from the folder ATTEST_CATALOG names, and names a broken one', async () => {
    const { dir, path } = await scopedVault();
    const cli = join(REPO_ROOT, 'electron', 'cli', 'attest.mjs');
    const folder = writeCatalogDir(join(dir, 'catalog-next'), newerCatalog());
    const r = await runNode([cli, 'catalog', 'update', path, '--json'], { ATTEST_CATALOG: folder });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: 'update_available',
      buildVersion: NEWER.version,
    });

    writeFileSync(join(folder, 'controls.json'), '{"version": "2026.2", "controls": [');
    const broken = await runNode([cli, 'catalog'], { ATTEST_CATALOG: folder });
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain(
      `Cannot read the catalog file ${join(folder, 'controls.json')}`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../shared/domain/catalog';
import { loadCatalog } from '../core/catalog/catalog';
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
  });

  it('refuses arguments and unknown flags with exit code 2', async () => {
    const extra = await attest('catalog', 'acme.attest');
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('catalog: takes no arguments');
    const flag = await attest('catalog', '--csv');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--csv'");
  });

  it('is listed in the usage text', () => {
    expect(USAGE).toContain('catalog [--json]');
  });
});

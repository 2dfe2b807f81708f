import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, fingerprintFile, tempDir } from '../testing/tmp';
import { run } from './main';

const NOW = { ATTEST_NOW: '2026-05-15T10:00:00.000Z' };

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir, NOW);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

describe('attest roll-forward', () => {
  it('creates the next period’s vault, says what it carried, and leaves the old one untouched', async () => {
    const dir = tempDir();
    const init = await attest(
      dir,
      ...['init', 'acme.attest', '--name', 'Acme 2026', '--period', '2026-01-01..2026-12-31'],
    );
    expect(init.code).toBe(0);
    const before = fingerprintFile(join(dir, 'acme.attest'));
    const r = await attest(dir, 'roll-forward', 'acme.attest', '--out', 'acme-2027.attest');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Created ${join(dir, 'acme-2027.attest')}`);
    expect(r.out).toMatch(/Report\s+Type II, 2027-01-01 to 2027-12-31/);
    expect(r.out).toMatch(/From\s+acme\.attest \(Type II, 2026-01-01 to 2026-12-31\)/);
    expect(r.out).toMatch(/Carried\s+.*\d+ control,/);
    expect(fingerprintFile(join(dir, 'acme.attest'))).toBe(before);

    const text = await attest(dir, 'info', 'acme-2027.attest');
    expect(text.out).toMatch(
      /Previous period\s+acme\.attest \(Type II, 2026-01-01 to 2026-12-31\), audit entry \d+/,
    );
    const info = await attest(dir, 'info', 'acme-2027.attest', '--json');
    expect(JSON.parse(info.out).engagement).toMatchObject({
      name: 'Acme 2026',
      period: { start: '2027-01-01', end: '2027-12-31' },
    });

    // Sound, and known to this computer's witness from the start (not a stranger).
    const verify = await attest(dir, 'verify', 'acme-2027.attest');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('The audit chain continues what this computer last recorded');

    // The user's own name and period; a bad period is refused naming the flag, before any work.
    const named = await attest(
      dir,
      ...['roll-forward', 'acme.attest', '--out', 'fy27.attest', '--name', 'Acme FY27'],
      ...['--period', '2026-07-01..2027-06-30', '--json'],
    );
    expect(named.code).toBe(0);
    expect(JSON.parse(named.out).engagement).toEqual({
      name: 'Acme FY27',
      reportType: 'type2',
      asOf: null,
      period: { start: '2026-07-01', end: '2027-06-30' },
    });
    const bad = await attest(
      dir,
      ...[
        'roll-forward',
        'acme.attest',
        '--out',
        'bad.attest',
        '--period',
        '2027-12-31..2027-01-01',
      ],
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--period');
    expect(existsSync(join(dir, 'bad.attest'))).toBe(false);
    const taken = await attest(dir, 'roll-forward', 'acme.attest', '--out', 'fy27.attest');
    expect(taken.code).not.toBe(0);
    expect(taken.err).toContain('already exists');
    expect((await attest(dir, 'roll-forward', 'acme.attest')).code).toBe(2);
  });
});

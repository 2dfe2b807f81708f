import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

describe('attest sample', () => {
  it('draws a control’s sample once, then shows it; --new with the same seed draws the same items', async () => {
    const dir = tempDir();
    const init = await attest(
      dir,
      'init',
      'acme.attest',
      '--name',
      'Acme',
      '--period',
      '2026-01-01..2026-12-31',
    );
    expect(init.code).toBe(0);
    const db = new Database(join(dir, 'acme.attest'), { readonly: true });
    const ref = db
      .prepare(
        "SELECT ref FROM control WHERE frequency = 'monthly' AND nature <> 'automated' ORDER BY ref LIMIT 1",
      )
      .pluck()
      .get() as string;
    db.close();

    const drawn = await attest(
      dir,
      'sample',
      'acme.attest',
      '--control',
      ref.toLowerCase(),
      '--seed',
      'cli',
    );
    expect(drawn.err).toBe('');
    expect(drawn.code).toBe(0);
    expect(drawn.out).toContain('Management self-test — your auditor selects its own items.');
    expect(drawn.out).toContain(
      `Drew ST-1 for ${ref}: 2 of 12 items from its occurrence windows, random, seed cli.`,
    );
    expect(drawn.out).toMatch(/Guidance: Attest defaults — .*AICPA/);
    expect(drawn.out).toContain('Self-test: 0 deviations in 2 items.');

    const shown = await attest(dir, 'sample', 'acme.attest', '--control', ref, '--json');
    expect(shown.code).toBe(0);
    const json = JSON.parse(shown.out) as { ref: string; seed: string; items: { label: string }[] };
    expect(json).toMatchObject({ ref: 'ST-1', seed: 'cli' });

    const again = await attest(
      dir,
      'sample',
      'acme.attest',
      '--control',
      ref,
      '--new',
      '--seed',
      'cli',
      '--json',
    );
    const second = JSON.parse(again.out) as typeof json;
    expect(second.ref).toBe('ST-2');
    expect(second.items.map((i) => i.label)).toEqual(json.items.map((i) => i.label));

    const verify = await attest(dir, 'verify', 'acme.attest');
    expect(verify.code).toBe(0);
  });

  it('--from draws a re-test over the rest of the period; --level high sizes at the top of the range', async () => {
    const dir = tempDir();
    await attest(
      dir,
      'init',
      'acme.attest',
      '--name',
      'Acme',
      '--period',
      '2026-01-01..2026-12-31',
    );
    const db = new Database(join(dir, 'acme.attest'), { readonly: true });
    const ref = db
      .prepare(
        "SELECT ref FROM control WHERE frequency = 'monthly' AND nature <> 'automated' ORDER BY ref LIMIT 1",
      )
      .pluck()
      .get() as string;
    db.close();
    const first = await attest(dir, 'sample', 'acme.attest', '--control', ref, '--json');
    const old = JSON.parse(first.out) as { id: string; ref: string };

    const again = await attest(
      dir,
      'sample',
      'acme.attest',
      '--control',
      ref,
      '--from',
      '2026-07-01',
      '--level',
      'high',
    );
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    // July to December: 6 monthly windows, 2–5 per the table, the top of it chosen.
    expect(again.out).toContain(`Drew ST-2 for ${ref}: 5 of 6 items from its occurrence windows`);
    expect(again.out).toContain('period 2026-07-01 to 2026-12-31');
    expect(again.out).toContain(`A re-test of ${old.ref}: the earlier test is kept as it was.`);
    const shown = JSON.parse(
      (await attest(dir, 'sample', 'acme.attest', '--control', ref, '--json')).out,
    ) as { retestOfId: string; items: { data: { start: string } }[] };
    expect(shown.retestOfId).toBe(old.id);
    expect(shown.items.every((i) => i.data.start >= '2026-07-01')).toBe(true);

    const badLevel = await attest(dir, 'sample', 'acme.attest', '--control', ref, '--level', 'max');
    expect(badLevel.code).toBe(2);
    expect(badLevel.err).toMatch(/--level/);
    const badFrom = await attest(dir, 'sample', 'acme.attest', '--control', ref, '--from', 'July');
    expect(badFrom.code).toBe(2);
    expect(badFrom.err).toMatch(/--from/);
    const outside = await attest(
      dir,
      'sample',
      'acme.attest',
      '--control',
      ref,
      '--from',
      '2027-01-01',
    );
    expect(outside.code).not.toBe(0);
    expect(outside.err).toMatch(/choose a date within it/);
  });

  it('refuses a missing --control, a bad --method and an unknown control, plainly', async () => {
    const dir = tempDir();
    await attest(
      dir,
      'init',
      'acme.attest',
      '--name',
      'Acme',
      '--period',
      '2026-01-01..2026-06-30',
    );
    const noControl = await attest(dir, 'sample', 'acme.attest');
    expect(noControl.code).toBe(2);
    expect(noControl.err).toMatch(/--control/);
    const badMethod = await attest(
      dir,
      'sample',
      'acme.attest',
      '--control',
      'X',
      '--method',
      'dice',
    );
    expect(badMethod.code).toBe(2);
    expect(badMethod.err).toMatch(/--method/);
    const unknown = await attest(dir, 'sample', 'acme.attest', '--control', 'NOPE-99');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('No control NOPE-99 in this vault');
    expect(unknown.err).not.toMatch(/\n\s+at /);
  });
});

import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, fingerprintFile, tempDir } from '../testing/tmp';
import { REPO_ROOT, runNode } from '../testing/spawn';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

describe('attest init', () => {
  it('creates a Type II vault and prints its fingerprint', async () => {
    const dir = tempDir();
    const r = await attest(
      dir,
      'init',
      'acme.attest',
      '--name',
      'Acme 2026',
      '--client',
      'Acme',
      '--period',
      '2026-01-01..2026-06-30',
      '--categories',
      'security,availability,processing-integrity',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Type II, 2026-01-01 to 2026-06-30');
    expect(r.out).toContain('Security, Availability, Processing Integrity');
    expect(readdirSync(dir).sort()).toEqual(['acme.attest', 'home']);
    // The recent-vaults list in ATTEST_HOME knows it.
    const recent = JSON.parse(readFileSync(join(dir, 'home', 'recent-vaults.json'), 'utf8'));
    expect(recent[0]).toMatchObject({ path: join(dir, 'acme.attest'), name: 'Acme 2026' });
  });

  it.each([
    [['--period', '2026-01-01..2026-01-15'], 'shorter than three months'],
    [['--period', '2026-01-01..2027-12-31'], 'at most twelve months'],
    [[], 'no period yet'],
    [['--type', 'type1'], 'no as-of date yet'],
  ])('creates the vault with %j but warns on stderr', async (extra, warning) => {
    const dir = tempDir();
    const r = await attest(dir, 'init', 'acme.attest', '--name', 'Acme', ...extra, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ engagement: { name: 'Acme' } });
    expect(r.err).toContain('attest init: warning:');
    expect(r.err).toContain(warning);
  });

  it.each([
    [['--period', '2026-06-30..2026-01-01'], '--period: The period must end after it starts'],
    [['--period', '2026-01-01..2026-02-30'], '--period: Use a calendar date'],
    [['--period', 'last year'], '--period: write it as YYYY-MM-DD..YYYY-MM-DD'],
    [['--type', 'type3'], '--type:'],
    [
      ['--type', 'type1', '--period', '2026-01-01..2026-06-30'],
      'A Type I report has an as-of date',
    ],
    [['--as-of', '2026-13-01'], '--as-of: Use a calendar date'],
    [['--categories', 'security,money'], 'unknown category "money"'],
    [['--name', ''], '--name: Give the engagement a name'],
    [['--colour', 'blue'], "Unknown option '--colour'"],
  ])('refuses %j before any work, leaving no file behind', async (extra, message) => {
    const dir = tempDir();
    const args = extra.includes('--name') ? extra : ['--name', 'Acme', ...extra];
    const r = await attest(dir, 'init', 'acme.attest', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(join(dir, 'acme.attest'))).toBe(false);
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const dir = tempDir();
    await attest(dir, 'init', 'acme.attest', '--name', 'First');
    const before = fingerprintFile(join(dir, 'acme.attest'));
    const r = await attest(dir, 'init', 'acme.attest', '--name', 'Second');
    expect(r.code).toBe(2);
    expect(r.err).toContain('already exists');
    expect(fingerprintFile(join(dir, 'acme.attest'))).toBe(before);
  });
});

describe('attest info', () => {
  it('prints the engagement, the fingerprint, the format version and counts, and --json the contract shape', async () => {
    const dir = tempDir();
    await attest(
      dir,
      'init',
      'a.attest',
      '--name',
      'Acme',
      '--type',
      'type1',
      '--as-of',
      '2026-03-31',
    );
    const human = await attest(dir, 'info', 'a.attest');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/Report\s+Type I as of 2026-03-31/);
    expect(human.out).toMatch(/Fingerprint\s+([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    expect(human.out).toMatch(/Vault\s+.*\(format \d+\)/);
    const json = await attest(dir, 'info', 'a.attest', '--json');
    const info = JSON.parse(json.out);
    expect(info.engagement).toMatchObject({
      name: 'Acme',
      reportType: 'type1',
      asOf: '2026-03-31',
      categories: ['security'],
    });
    // init confirmed the scope: the 33 common criteria and the library controls serving them.
    expect(info.scope.criteria).toHaveLength(33);
    expect(info.scope.controls.length).toBeGreaterThan(100);
    expect(info.scope.controls.map((c: { ref: string }) => c.ref)).toContain('AC-01');
    // One audit entry per setting, key, engagement, catalog criterion (seeded out of scope at
    // creation), criterion brought into scope, control added, control ↔ criterion link, and
    // the policy each control rests on (not yet written) and its links, each automated control's
    // reliance on an IT general control, and the confirmation.
    const db = new Database(join(dir, 'a.attest'), { readonly: true });
    const count = (table: string) =>
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const links = count('control_criterion');
    const policies = count('policy') + count('policy_control');
    const reliance = count('control_reliance');
    db.close();
    expect(info.counts).toEqual({
      people: 0,
      auditEvents: 5 + 61 + 33 + info.scope.controls.length + links + policies + reliance + 1,
      blobs: 0,
      blobBytes: 0,
    });
    expect(human.out).toMatch(/Scope\s+33 criteria, \d+ controls \(catalog \d{4}\.\d+\)/);
    expect(human.out).toContain(`(catalog ${info.engagement.catalogVersion})`);
  });

  it('exits 2 with a clear message for a file that is not a vault', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.attest'), 'hello');
    const r = await attest(dir, 'info', 'x.attest');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not an Attest vault');
  });
});

describe('attest verify', () => {
  it('exits 0 for a sound vault and 1 naming each mismatch', async () => {
    const dir = tempDir();
    await attest(dir, 'init', 'a.attest', '--name', 'Acme');
    const ok = await attest(dir, 'verify', 'a.attest');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Sound');

    const raw = new Database(join(dir, 'a.attest'));
    raw.prepare(`UPDATE engagement SET name = 'Forged'`).run();
    raw.prepare(`UPDATE audit_event SET actor = 'mallory' WHERE seq = 1`).run();
    raw.pragma('journal_mode = DELETE');
    raw.close();

    const bad = await attest(dir, 'verify', 'a.attest');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('2 problems found');
    expect(bad.out).toContain('engagement engagement differs from its last recorded state');
    expect(bad.out).toContain('Audit log entry 1 (create setting vault_id) was altered');
    const json = JSON.parse((await attest(dir, 'verify', 'a.attest', '--json')).out);
    expect(json.ok).toBe(false);
    expect(json.problems.map((p: { kind: string }) => p.kind).sort()).toEqual([
      'audit_entry_altered',
      'row_changed',
    ]);
  });

  it('exits 2 when the file cannot be read as a vault', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.attest'), Buffer.alloc(4096));
    expect((await attest(dir, 'verify', 'x.attest')).code).toBe(2);
    expect((await attest(dir, 'verify', 'missing.attest')).code).toBe(2);
  });
});

describe('the attest command', () => {
  it('prints usage and exits 2 for an unknown command', async () => {
    const r = await attest(tempDir(), 'frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it('runs as npx attest from the repository root', async () => {
    const dir = tempDir();
    const env = { ATTEST_HOME: join(dir, 'home') };
    const vault = join(dir, 'cli.attest');
    const npx = join(REPO_ROOT, 'node_modules', 'npm', 'bin', 'npx-cli.js');
    const viaNpx = existsSync(npx)
      ? [npx]
      : [join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'bin', 'npx-cli.js')];
    const init = await runNode(
      [...viaNpx, 'attest', 'init', vault, '--name', 'Via npx', '--as-of', '2026-03-31'],
      env,
    );
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const info = await runNode([...viaNpx, 'attest', 'info', vault, '--json'], env);
    expect(JSON.parse(info.stdout).engagement.name).toBe('Via npx');
    // ATTEST_HOME got the log line, without any evidence content.
    expect(readFileSync(join(dir, 'home', 'logs', 'attest.log'), 'utf8')).toContain(
      '"command":"info"',
    );
  });
});

describe('attest demo', () => {
  it('builds a realistic, clearly labelled sample engagement with owners and scope', async () => {
    const dir = tempDir();
    const r = await attest(dir, 'demo', 'demo.attest', '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out);
    expect(info.engagement.name).toMatch(/^Demo — /);
    expect(info.engagement.client).toContain('fictional');
    expect(info.counts.people).toBe(8);
    expect(info.scope.criteria).toHaveLength(38);
    expect((await attest(dir, 'verify', 'demo.attest')).code).toBe(0);
    expect((await attest(dir, 'demo', 'x.attest', '--scale', 'huge')).code).toBe(2);
  });

  it('dates the demo from ATTEST_NOW, and refuses a value that is not a date', async () => {
    const dir = tempDir();
    const withNow = async (now: string, ...argv: string[]) => {
      const c = captureIo(dir, { ATTEST_NOW: now });
      return { code: await run(argv, c.io), out: c.out, err: c.err };
    };
    const r = await withNow('2027-02-10', 'demo', 'demo.attest', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).engagement.period).toEqual({ start: '2026-10-01', end: '2027-03-31' });
    const bad = await withNow('next tuesday', 'demo', 'other.attest');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ATTEST_NOW is set to “next tuesday”, which is not a date');
    expect(existsSync(join(dir, 'other.attest'))).toBe(false);
  });
});

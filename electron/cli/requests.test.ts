import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMixedCsv, writePbcCsv, writePbcXlsx } from '../core/requests/test-fixtures';
import { captureIo, fingerprintFile, tempDir } from '../testing/tmp';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

async function vaultWithAna(dir: string) {
  expect((await attest(dir, 'init', 'acme.attest', '--name', 'Acme')).code).toBe(0);
}

describe('attest requests import', () => {
  it('guesses the columns, says which it could not place, the counts and the row problems', async () => {
    const dir = tempDir();
    await vaultWithAna(dir);
    writePbcCsv(dir);
    const r = await attest(dir, 'requests', 'import', 'acme.attest', 'pbc.csv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported pbc.csv, headers on row 1');
    expect(r.out).toContain('3 new · 0 updated · 0 unchanged · 2 skipped');
    expect(r.out).toContain('ref ← "PBC #"');
    expect(r.out).toContain(
      `Not placed (kept as the auditor's columns): "Auditor Status", "Priority"`,
    );
    expect(r.out).toContain('Dates: day/month (decided from the file)');
    expect(r.out).toContain('row 6 "PBC #": not imported — No request number');
    expect(r.out).toContain('row 2 "Owner": Owner left empty: no one in People matches "Ana Lima"');

    const again = await attest(dir, 'requests', 'import', 'acme.attest', 'pbc.csv', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({
      counts: { new: 0, updated: 0, unchanged: 3, skipped: 2 },
      importId: expect.stringMatching(/^rim_/),
    });
  });

  it('says when a file mixes two text encodings, and on which lines', async () => {
    const dir = tempDir();
    await vaultWithAna(dir);
    writeMixedCsv(dir);
    const r = await attest(dir, 'requests', 'import', 'acme.attest', 'mixed.csv');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Warning: mixed.csv mixes two encodings: line 3 is not UTF-8 like the rest of the file and was read as Windows-1252.',
    );
  });

  it('takes --map corrections: a header to another field, or kept as the auditor’s own', async () => {
    const dir = tempDir();
    await vaultWithAna(dir);
    await writePbcXlsx(dir);
    const r = await attest(
      dir,
      'requests',
      'import',
      'acme.attest',
      'pbc.xlsx',
      '--map',
      'Wave=none',
      '--map',
      'Status=comments',
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.mapping).toEqual({
      ref: 'Request ID',
      description: 'Description',
      criteria: 'Criteria',
      dueOn: 'Due date',
      comments: 'Status',
    });
    expect(summary.unplacedHeaders).toEqual(['Wave']);
  });

  it('rescues a file whose request-number column has an unusual name', async () => {
    const dir = tempDir();
    await vaultWithAna(dir);
    writeFileSync(join(dir, 'odd.csv'), 'Ask,Thing to provide\nA7,Org chart\n');
    const refused = await attest(dir, 'requests', 'import', 'acme.attest', 'odd.csv');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('No column of odd.csv looks like a request number');
    expect(refused.err).toContain('--map "<header>=ref"');
    const r = await attest(dir, 'requests', 'import', 'acme.attest', 'odd.csv', '--map', 'Ask=ref');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 new');
  });

  it.each([
    [['requests'], 'give a subcommand'],
    [['requests', 'erase', 'acme.attest'], 'unknown subcommand "erase"'],
    [['requests', 'import', 'acme.attest'], 'give a vault and a file'],
    [
      ['requests', 'import', 'acme.attest', 'pbc.csv', '--map', 'PBC #'],
      'write it as "<header>=<field>"',
    ],
    [
      ['requests', 'import', 'acme.attest', 'pbc.csv', '--map', 'PBC #=number'],
      'the field must be one of',
    ],
    [
      ['requests', 'import', 'acme.attest', 'pbc.csv', '--map', 'A=ref', '--map', 'B=ref'],
      'gives ref twice',
    ],
    [
      ['requests', 'import', 'acme.attest', 'pbc.csv', '--date-order', 'ymd'],
      '--date-order is dmy',
    ],
    [['requests', 'import', 'acme.attest', 'missing.csv'], 'no file at'],
    [['requests', 'list'], 'give exactly one vault path'],
  ])('refuses %j before any work (exit 2, vault untouched)', async (argv, message) => {
    const dir = tempDir();
    await vaultWithAna(dir);
    writePbcCsv(dir);
    const before = fingerprintFile(join(dir, 'acme.attest'));
    const r = await attest(dir, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(fingerprintFile(join(dir, 'acme.attest'))).toBe(before);
  });

  it('exits 2 for a file that is not a spreadsheet', async () => {
    const dir = tempDir();
    await vaultWithAna(dir);
    writeFileSync(join(dir, 'photo.xlsx'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const r = await attest(dir, 'requests', 'import', 'acme.attest', 'photo.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('photo.xlsx is not a spreadsheet (it looks like a PNG image)');
    const list = await attest(dir, 'requests', 'list', 'acme.attest', '--json');
    expect(JSON.parse(list.out)).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe('attest requests list', () => {
  it('prints a compact table, and --json the contract’s list shape', async () => {
    const dir = tempDir();
    await vaultWithAna(dir);
    writePbcCsv(dir);
    await attest(dir, 'requests', 'import', 'acme.attest', 'pbc.csv');
    const human = await attest(dir, 'requests', 'list', 'acme.attest');
    expect(human.code).toBe(0);
    const lines = human.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Ref\s+Status\s+Owner\s+Due\s+Wave\s+Description$/);
    expect(lines[1]).toMatch(
      /^PBC-001\s+New\s+\(Ana Lima\)\s+2026-03-31 overdue\s+1\s+Access control policy…$/,
    );
    expect(lines.slice(2, 4).map((l) => l.split(/\s{2,}/)[0])).toEqual(['PBC-002', 'PBC-010']);
    expect(lines.at(-1)).toBe('3 requests');
    const json = JSON.parse((await attest(dir, 'requests', 'list', 'acme.attest', '--json')).out);
    expect(json.total).toBe(3);
    expect(json.items[0]).toMatchObject({ ref: 'PBC-001', status: 'new', ownerText: 'Ana Lima' });
  });
});

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

async function scopedVault(dir: string): Promise<string> {
  const init = await attest(
    dir,
    'init',
    'acme.attest',
    '--name',
    'Acme',
    '--period',
    '2026-01-01..2026-06-30',
  );
  expect(init.code).toBe(0);
  const db = new Database(join(dir, 'acme.attest'), { readonly: true });
  const ref = db.prepare('SELECT ref FROM control ORDER BY ref LIMIT 1').pluck().get() as string;
  db.close();
  return ref;
}

describe('attest evidence', () => {
  it('adds files and folders with links and dates, lists them, and verify names a swapped file', async () => {
    const dir = tempDir();
    const control = await scopedVault(dir);
    writeFileSync(join(dir, 'review.pdf'), 'Q1 access review signed');
    mkdirSync(join(dir, 'exports'));
    writeFileSync(join(dir, 'exports', 'users.csv'), 'user,role\nana,admin\n');
    writeFileSync(join(dir, 'exports', 'same.pdf'), 'Q1 access review signed');
    const added = await attest(
      dir,
      'evidence',
      'add',
      'acme.attest',
      'review.pdf',
      'exports',
      '--control',
      control.toLowerCase(),
      '--performed',
      '2026-03-31',
      '--window',
      '2026-01-01..2026-03-31',
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Added 3 files');
    expect(added.out).toContain('as EV-1 to EV-3');
    expect(added.out).toContain('1 was identical to a file already stored');

    const listed = await attest(dir, 'evidence', 'list', 'acme.attest', '--json');
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.out) as {
      total: number;
      items: { ref: string; title: string; window: unknown; performedOn: string }[];
    };
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.title)).toEqual(['review', 'same', 'users']);
    expect(page.items[0]).toMatchObject({
      performedOn: '2026-03-31',
      window: { start: '2026-01-01', end: '2026-03-31' },
    });
    const table = await attest(dir, 'evidence', 'list', 'acme.attest');
    expect(table.out).toContain(control);
    expect(table.out).toContain('2026-01-01..2026-03-31');
    expect((await attest(dir, 'verify', 'acme.attest')).code).toBe(0);

    // Swap EV-3's bytes behind the app's back and rewrite its blob's hash and size to match.
    const db = new Database(join(dir, 'acme.attest'));
    const blobId = db
      .prepare(`SELECT blob_id FROM evidence WHERE ref = 'EV-3'`)
      .pluck()
      .get() as number;
    const forged = Buffer.from('user,role\nmallory,admin\n');
    db.prepare('UPDATE blob_chunk SET bytes = ? WHERE blob_id = ?').run(forged, blobId);
    db.prepare('UPDATE blob SET sha256 = ?, size = ? WHERE id = ?').run(
      createHash('sha256').update(forged).digest('hex'),
      forged.length,
      blobId,
    );
    db.close();
    const verify = await attest(dir, 'verify', 'acme.attest');
    expect(verify.code).toBe(1);
    expect(verify.out + verify.err).toContain('the file of evidence EV-3');
  });

  it('says which control a file was marked as the configuration change history of', async () => {
    const dir = tempDir();
    const control = await scopedVault(dir);
    writeFileSync(join(dir, 'changes.csv'), 'changed_at,change,approved_by\n');
    const added = await attest(
      dir,
      ...['evidence', 'add', 'acme.attest', 'changes.csv', '--as-of', '2026-03-31'],
      ...['--change-history', control.toLowerCase()],
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    // As the vault spells the reference, whatever case it was given in.
    expect(added.out).toContain(`Marked as the configuration change history of ${control}.`);
    const plain = await attest(dir, 'evidence', 'add', 'acme.attest', 'changes.csv');
    expect(plain.out).not.toContain('change history');
  });

  it('refuses bad arguments before any work starts', async () => {
    const dir = tempDir();
    await scopedVault(dir);
    writeFileSync(join(dir, 'a.txt'), 'a');
    const both = await attest(
      dir,
      ...['evidence', 'add', 'acme.attest', 'a.txt', '--as-of', '2026-01-01'],
      ...['--window', '2026-01-01..2026-02-01'],
    );
    expect(both).toMatchObject({ code: 2 });
    expect(both.err).toContain('give --as-of or --window, not both');
    const badDate = await attest(
      dir,
      ...['evidence', 'add', 'acme.attest', 'a.txt', '--performed', '2026-02-30'],
    );
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--performed');
    const noControl = await attest(
      dir,
      ...['evidence', 'add', 'acme.attest', 'a.txt', '--control', 'NOPE-1'],
    );
    expect(noControl.code).toBe(2);
    expect(noControl.err).toContain('No control NOPE-1');
    const listed = await attest(dir, 'evidence', 'list', 'acme.attest');
    expect(listed.out).toContain('No evidence yet');
  });

  it('adds a link and a note with links and dates; list and verify show them, no bytes to check', async () => {
    const dir = tempDir();
    const control = await scopedVault(dir);
    const link = await attest(
      dir,
      ...['evidence', 'add-link', 'acme.attest', 'https://tickets.example.com/browse/SEC-42'],
      ...[
        '--title',
        'Offboarding ticket SEC-42',
        '--control',
        control,
        '--performed',
        '2026-02-03',
      ],
    );
    expect(link.err).toBe('');
    expect(link.code).toBe(0);
    expect(link.out).toContain('Added the link https://tickets.example.com/browse/SEC-42 as EV-1');
    expect(link.out).toContain('linked to 1 control');
    writeFileSync(
      join(dir, 'inquiry.md'),
      '# Inquiry with the CTO\n\nDeploys need **two** approvals.\n',
    );
    const note = await attest(
      dir,
      ...['evidence', 'add-note', 'acme.attest', 'inquiry.md', '--as-of', '2026-03-31', '--json'],
    );
    expect(note.code).toBe(0);
    expect(JSON.parse(note.out)).toMatchObject({
      ref: 'EV-2',
      kind: 'note',
      title: 'Inquiry with the CTO',
      asOf: '2026-03-31',
    });
    const inline = await attest(
      dir,
      ...['evidence', 'add-note', 'acme.attest', '--text', 'Walked through the badge log.'],
      ...['--title', 'Observation'],
    );
    expect(inline.out).toContain('as EV-3 “Observation”');
    const table = await attest(dir, 'evidence', 'list', 'acme.attest');
    expect(table.out).toMatch(/EV-1 +Offboarding ticket SEC-42 +2026-02-03 .* link/);
    expect(table.out).toMatch(/EV-2 +Inquiry with the CTO .* note/);
    // Nothing of a link or a note is a stored file: verify passes with no blob to check.
    expect((await attest(dir, 'verify', 'acme.attest')).code).toBe(0);

    const bad = await attest(
      dir,
      ...['evidence', 'add-link', 'acme.attest', 'javascript:alert(1)', '--title', 'x'],
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('<url>: Only web addresses');
    const untitled = await attest(dir, 'evidence', 'add-link', 'acme.attest', 'https://x.example');
    expect(untitled.code).toBe(2);
    expect(untitled.err).toContain('--title: Give the evidence a title');
    const both = await attest(
      dir,
      ...['evidence', 'add-note', 'acme.attest', 'inquiry.md', '--text', 'x'],
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain('not both');
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../shared/domain/package/manifest';
import { run } from '../../cli/main';
import { captureIo, tempDir } from '../../testing/tmp';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

describe('links and notes in the audit package', () => {
  it('lists a link by its address with no file, writes a note as Markdown, and verifies', async () => {
    const dir = tempDir();
    const vault = join(dir, 'demo.attest');
    expect((await attest(dir, 'demo', vault)).code).toBe(0);
    const link = await attest(
      dir,
      ...['evidence', 'add-link', vault, 'https://tickets.example.com/browse/SEC-42'],
      // Linked to AC-01 as its configuration's change history (which links it too).
      ...['--title', 'Offboarding ticket', '--change-history', 'ac-01', '--as-of', '2026-02-03'],
    );
    expect(link.code, link.err).toBe(0);
    expect(link.out).toContain('Marked as the configuration change history of AC-01.');
    const note = await attest(
      dir,
      ...['evidence', 'add-note', vault, '--title', 'Inquiry with the CTO'],
      ...['--text', 'Deploys need **two** approvals.', '--control', 'AC-01'],
      ...['--as-of', '2026-03-31'],
    );
    expect(note.code, note.err).toBe(0);
    const linkRef = /as (EV-\d+)/.exec(link.out)![1]!;
    const noteRef = /as (EV-\d+)/.exec(note.out)![1]!;

    const zip = join(dir, 'package.zip');
    const exported = await attest(dir, 'export', vault, '--out', zip);
    expect(exported.code, exported.err).toBe(0);
    const folder = join(dir, 'unzipped');
    mkdirSync(folder);
    execFileSync('unzip', ['-q', zip, '-d', folder]);

    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')),
    );
    // The note is a file of its own under its control; the link has none.
    const noteFile = manifest.files.find((f) => f.evidenceId === noteRef)!;
    expect(noteFile.path).toBe(`04_Evidence/AC-01/${noteRef}_2026-03-31_Inquiry-with-the-CTO.md`);
    const text = readFileSync(join(folder, noteFile.path));
    expect(text.toString('utf8')).toBe(
      '# Inquiry with the CTO\n\nDeploys need **two** approvals.\n',
    );
    expect(noteFile.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(manifest.files.some((f) => f.evidenceId === linkRef)).toBe(false);
    expect(manifest.records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'evidence', id: linkRef }),
        expect.objectContaining({ kind: 'evidence', id: noteRef }),
      ]),
    );

    // The evidence index lists both: the link by its address, the note by its file and hash.
    const index = readFileSync(join(folder, '01_Index/evidence-index.csv'), 'utf8');
    const rowOf = (ref: string) => index.split('\r\n').find((l) => l.startsWith(`${ref},`))!;
    expect(rowOf(linkRef)).toContain(',https://tickets.example.com/browse/SEC-42,');
    expect(index.split('\r\n')[0]).toContain(',Controls,Change history of,Criteria,');
    expect(rowOf(linkRef)).toContain(',link,AC-01,AC-01,');
    expect(rowOf(noteRef)).toContain(',note,AC-01,,');
    expect(rowOf(noteRef)).toContain(`,${noteFile.path},`);
    expect(rowOf(noteRef)).toContain(noteFile.sha256);
    // The viewer links to the address, opened in a new tab.
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).toContain(
      '<a href="https://tickets.example.com/browse/SEC-42" target="_blank" rel="noopener noreferrer">',
    );

    const verified = await attest(dir, 'verify', zip);
    expect(verified.code, verified.out + verified.err).toBe(0);
    expect((await attest(dir, 'verify', vault)).code).toBe(0);
  }, 120_000);
});

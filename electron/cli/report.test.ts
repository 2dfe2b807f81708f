import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FOOTER } from '../../shared/domain/readiness/report';
import { FORBIDDEN_CLAIMS } from '../../shared/domain/readiness/status-line';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

const NOW = { ATTEST_NOW: '2026-05-15T10:00:00.000Z' };

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir, NOW);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

/** Each page's text, as pdftotext reads it (pages end with a form feed). */
function pagesOf(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '');
}

describe('attest report', () => {
  it('writes the readiness report as a sound PDF that says on every page what it is not', async () => {
    const dir = tempDir();
    expect((await attest(dir, 'demo', 'demo.attest')).code).toBe(0);
    const r = await attest(dir, 'report', 'demo.attest', '--out', 'report.pdf');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Readiness report written to .*report\.pdf \(\d+ bytes\)\n$/);
    const pdf = join(dir, 'report.pdf');
    execFileSync('qpdf', ['--check', pdf]);

    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(4);
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    for (const [i, page] of pages.entries()) {
      expect(flat(page), `page ${i + 1}`).toContain(REPORT_FOOTER);
      expect(flat(page)).toContain(`Page ${i + 1} of ${pages.length}`);
    }
    const text = flat(pages.join(' '));
    for (const word of FORBIDDEN_CLAIMS) expect(text).not.toMatch(word);
    for (const section of [
      'Status',
      'Blocking findings',
      'Scope and system description',
      'Criteria and their key controls',
      'Gaps and remediation',
      'Risks',
      'Policies',
      'Self-tests and deviations',
      'Evidence by control',
    ])
      expect(text).toContain(section);
    expect(text).toMatch(/Not ready: \d+ blocking findings?/);
    expect(text).toContain('15 May 2026');

    // The contents give the page each section starts on: that page opens with its heading.
    const contents = pages[0]! + pages[1]!;
    const entry = /^\s*(Criteria and their key controls|Evidence by control)\s+(\d+)\s*$/gm;
    const found = [...contents.matchAll(entry)];
    expect(found).toHaveLength(2);
    for (const [, title, page] of found) {
      const at = pages[Number(page) - 1]!;
      expect(at.split('\n').some((line) => line.trim() === title)).toBe(true);
    }

    // The same vault state gives the same bytes (the audit package relies on it).
    expect((await attest(dir, 'report', 'demo.attest', '--out', 'again.pdf')).code).toBe(0);
    expect(readFileSync(join(dir, 'again.pdf')).equals(readFileSync(pdf))).toBe(true);
  });

  it('refuses a call without --out before opening anything', async () => {
    const dir = tempDir();
    const missing = await attest(dir, 'report', 'demo.attest');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('report: say where to write it with --out <file.pdf>');
  });
});

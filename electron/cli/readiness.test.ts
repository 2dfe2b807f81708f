import { describe, expect, it } from 'vitest';
import { FORBIDDEN_CLAIMS } from '../../shared/domain/readiness/status-line';
import { captureIo, tempDir } from '../testing/tmp';
import { run } from './main';

async function attest(dir: string, ...argv: string[]) {
  const c = captureIo(dir);
  const code = await run(argv, c.io);
  return { code, out: c.out, err: c.err };
}

describe('attest readiness', () => {
  it('prints the status line and the findings, blocking first; --check fails while any blocks', async () => {
    const dir = tempDir();
    const init = await attest(
      dir,
      ...['init', 'acme.attest', '--name', 'Acme', '--period', '2026-01-01..2026-06-30'],
    );
    expect(init.code).toBe(0);

    const shown = await attest(dir, 'readiness', 'acme.attest');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(
      /^Not ready: \d+ blocking findings \(CC\d\.\d+, CC\d\.\d+, CC\d\.\d+, …\) · \d+ % of checks pass · Self-assessment — not an audit opinion and not a prediction of one\n/,
    );
    // Every readiness figure states its date: a blocked line names none, so the next line does.
    const dated = captureIo(dir, { ATTEST_NOW: '2026-07-15T09:00:00Z' });
    expect(await run(['readiness', 'acme.attest'], dated.io)).toBe(0);
    expect(dated.out.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^Not ready: /),
      'Evaluated as of 15 July 2026',
    ]);
    const blocking = shown.out.indexOf('\nBlocking (');
    const major = shown.out.indexOf('\nMajor (');
    expect(blocking).toBeGreaterThan(0);
    expect(major).toBeGreaterThan(blocking);
    for (const word of FORBIDDEN_CLAIMS) expect(shown.out).not.toMatch(word);

    const checked = await attest(dir, 'readiness', 'acme.attest', '--check', '--json');
    expect(checked.code).toBe(1);
    const review = JSON.parse(checked.out) as {
      blocked: boolean;
      statusLine: string;
      findings: { rule: string; severity: string }[];
    };
    expect(review.blocked).toBe(true);
    expect(review.statusLine).toBe(shown.out.split('\n')[0]);
    expect(review.findings.filter((f) => f.rule === 'criterion_met').length).toBeGreaterThan(0);
  });

  it('refuses a call without exactly one vault', async () => {
    const dir = tempDir();
    const r = await attest(dir, 'readiness');
    expect(r.code).toBe(2);
    expect(r.err).toContain('readiness: give exactly one vault path');
  });
});

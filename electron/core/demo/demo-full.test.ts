import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPopulation } from '../../../shared/domain/population';
import { blobChunks } from '../../db/blobs';
import { clockFromEnvironment } from '../../platform/clock';
import { captureIo, tempDir } from '../../testing/tmp';
import { run } from '../../cli/main';
import { getEvidenceDetail } from '../evidence/evidence';
import { POPULATION_LIMITS, readStoredGrid } from '../evidence/population';
import { missingAcks } from '../policies/acks';
import { listPolicies } from '../policies/policies';
import { listVersions } from '../policies/versions';
import { listPeople } from '../../db/repos/people';
import { listSnapshots } from '../readiness/snapshots';
import { READ_LIMITS } from '../requests/limits';
import {
  deviationStateByControl,
  getSelfTestDetail,
  listDeviations,
  listSelfTests,
} from '../self-tests/view';
import { closeVault, type Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import { demoControl } from './demo-attachments';
import { buildDemoVault } from './demo';
import { DEMO_SAMPLE_SEED } from './demo-self-test';
import { DEMO_RELIED_ON_CONFIGURATION } from './demo-change-history';
import { readinessFacts } from '../readiness/facts';

/** The demo as `attest demo` builds it with ATTEST_NOW=2026-05-15 (period 1 Jan – 30 Jun 2026). */
const TODAY = '2026-05-15';
let vault: Vault;

beforeAll(async () => {
  const clock = clockFromEnvironment({ ATTEST_NOW: TODAY });
  vault = await buildDemoVault(join(tempDir(), 'demo.attest'), { clock });
});
afterAll(() => closeVault(vault));

const evidenceTitled = (title: string) =>
  vault.db.sqlite.prepare('SELECT * FROM evidence WHERE title = ?').get(title) as
    { id: string; blob_id: number; file_name: string } | undefined;

describe('the full demo', () => {
  it('has policies approved in the period, one re-approved mid-period, one still a draft', () => {
    const policies = listPolicies(vault, false).filter((p) => p.inForceVersionId !== null);
    expect(policies.map((p) => p.templateKey).sort()).toEqual([
      'acceptable-use',
      'change-management',
      'code-of-conduct',
      'information-security',
    ]);
    const draft = listPolicies(vault, false).find((p) => p.templateKey === 'vendor-management')!;
    expect(listVersions(vault, draft.id).map((v) => v.status)).toEqual(['draft']);

    const infosec = policies.find((p) => p.templateKey === 'information-security')!;
    const [v2, v1] = listVersions(vault, infosec.id).sort((a, b) => b.number - a.number);
    expect(v1).toMatchObject({ status: 'approved', approvedOn: '2026-01-05' });
    // The first version was in force until the second took effect, mid-period.
    expect(v2).toMatchObject({ status: 'approved', approvedOn: '2026-03-17' });
    expect(v1!.inForceUntil).toBe('2026-03-16');
    expect(infosec.inForceVersionId).toBe(v2!.id);
    const people = new Map(listPeople(vault.db).map((p) => [p.id, p.name]));
    expect(people.get(v2!.approverId!)).toBe('Maya Okafor');
  });

  it('has acknowledgements from everyone in scope but two, overdue on purpose', () => {
    const overdue = listPolicies(vault, false).flatMap((p) =>
      p.inForceVersionId === null
        ? []
        : missingAcks(vault, p.id).people.map((x) => `${p.title}: ${x.name} ${x.state}`),
    );
    expect(overdue.sort()).toEqual([
      'Code of Conduct: Grace Liu overdue',
      'Information Security Policy: Sam Whitfield overdue',
    ]);
  });

  it('has populations from the triggering systems: with and without completeness evidence, and one of zero rows, counted as the reader reads the files', async () => {
    const rows = vault.db.sqlite
      .prepare(
        `SELECT e.id, e.title, p.row_count, p.rows_outside, p.source_system,
                (SELECT count(*) FROM population_support s WHERE s.population_id = e.id) AS support
           FROM population p JOIN evidence e ON e.id = p.evidence_id ORDER BY e.seq`,
      )
      .all() as {
      id: string;
      title: string;
      row_count: number;
      rows_outside: number;
      source_system: string;
      support: number;
    }[];
    expect(rows.map((r) => [r.source_system, r.row_count, r.rows_outside, r.support])).toEqual([
      ['HR system (Workforce module)', 14, 0, 2],
      ['CI/CD pipeline (deployment log)', 48, 0, 0],
      ['Ticket system (security incident project)', 0, 0, 1],
    ]);
    // The demo gave the core the rows it wrote; the file's reader finds the same number.
    for (const r of rows) {
      const item = vault.db.sqlite.prepare('SELECT * FROM evidence WHERE id = ?').get(r.id);
      const grid = await readStoredGrid(vault, item as never, {
        ...READ_LIMITS,
        ...POPULATION_LIMITS,
      });
      expect(grid.length - 1, r.title).toBe(r.row_count);
      // Counted from the file as read, the rows in and outside the window are those recorded.
      const p = vault.db.sqlite
        .prepare('SELECT * FROM population WHERE evidence_id = ?')
        .get(r.id) as { date_column: string; window_start: string; window_end: string };
      const counted = countPopulation(grid, p.date_column, {
        start: p.window_start,
        end: p.window_end,
      });
      expect([counted.rowCount, counted.rowsOutside, counted.rowsUndated], r.title).toEqual([
        r.row_count,
        r.rows_outside,
        0,
      ]);
    }
    // The control with no incidents has only its zero-row population as evidence.
    const incidents = demoControl(vault, 'INC-03');
    const linked = vault.db.sqlite
      .prepare(
        'SELECT e.title FROM evidence e JOIN evidence_control l ON l.evidence_id = e.id WHERE l.control_id = ? ORDER BY e.seq',
      )
      .pluck()
      .all(incidents.id);
    expect(linked).toEqual([
      'Security incident query with no results — screenshot (demo)',
      'Security incidents, period to date — no rows (demo)',
    ]);
  });

  it('relies on the pipeline control’s configuration, with its reviewed change history', () => {
    const pipeline = demoControl(vault, DEMO_RELIED_ON_CONFIGURATION);
    const facts = readinessFacts(vault).controls.find((c) => c.id === pipeline.id)!;
    expect(facts.changeHistory).toEqual({ status: 'covered', gap: null });
    // The other automated controls rely on ITGCs not in place: sampled, so none is asked for.
    const asked = readinessFacts(vault).controls.filter((c) => c.changeHistory !== null);
    expect(asked.map((c) => c.ref)).toEqual([DEMO_RELIED_ON_CONFIGURATION]);
    const log = evidenceTitled('Deployment pipeline configuration change log (demo)')!;
    expect(getEvidenceDetail(vault, log.id)).toMatchObject({
      changeHistoryFor: [pipeline.id],
      reviewedOn: expect.any(String),
    });
  });

  it('generates real PNG screenshots and PDF reports that other tools read', () => {
    const dir = tempDir();
    const bytes = (title: string) => {
      const item = evidenceTitled(title);
      expect(item, title).toBeDefined();
      return Buffer.concat([...blobChunks(vault.db, item!.blob_id)]);
    };
    const pdf = join(dir, 'reconciliation.pdf');
    writeFileSync(pdf, bytes('Terminations reconciliation to payroll (demo)'));
    execFileSync('qpdf', ['--check', pdf]);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(text).toContain('DEMO EVIDENCE');
    expect(text).toContain('Rows exported: 14');

    const png = join(dir, 'mfa.png');
    writeFileSync(png, bytes('Identity provider MFA policy — screenshot (demo)'));
    // Python's zlib inflates every IDAT and checks each chunk's CRC: a well-formed PNG.
    const size = execFileSync('python3', [
      '-c',
      `import struct, sys, zlib
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
i, idat = 8, b''
while i < len(d):
    n, = struct.unpack('>I', d[i:i+4]); t = d[i+4:i+8]; body = d[i+8:i+8+n]
    assert zlib.crc32(t + body) == struct.unpack('>I', d[i+8+n:i+12+n])[0]
    if t == b'IHDR': w, h = struct.unpack('>II', body[:8])
    if t == b'IDAT': idat += body
    i += 12 + n
assert len(zlib.decompress(idat)) == (w * 3 + 1) * h
print(w, h)`,
      png,
    ]);
    expect(size.toString().trim()).toBe('480 300');
  });

  it('has a sample drawn with a recorded seed, one deviation answered and one not, both isolated', () => {
    const control = demoControl(vault, 'AC-05');
    const [summary] = listSelfTests(vault, control.id);
    const test = getSelfTestDetail(vault, summary!.id);
    expect(test).toMatchObject({ seed: DEMO_SAMPLE_SEED, method: 'random', populationSize: 14 });
    expect(test.cells).toHaveLength(test.items.length * test.attributes.length);
    expect(test.cells.filter((c) => c.result === 'fail')).toHaveLength(2);
    const deviations = listDeviations(vault, { testId: test.id });
    expect(deviations.map((d) => [d.extent, d.responseMissing])).toEqual([
      ['isolated', false],
      ['isolated', true],
    ]);
    expect(getEvidenceDetail(vault, test.populationId!).title).toBe(
      'Terminations, period to date — population (demo)',
    );
    // Isolated: once the control's criteria have every key control in place, they read "met
    // with exceptions" (CC6.2 still waits for other access controls in the demo).
    expect(deviationStateByControl(vault).get(control.id)).toBe('isolated');
  });

  it('samples the same rows on every build for the same today (the seed is recorded)', async () => {
    const again = await buildDemoVault(join(tempDir(), 'again.attest'), {
      clock: clockFromEnvironment({ ATTEST_NOW: TODAY }),
    });
    try {
      const labels = (v: Vault) => {
        const [t] = listSelfTests(v);
        return getSelfTestDetail(v, t!.id).items.map((i) => [i.label, i.date]);
      };
      expect(labels(again)).toEqual(labels(vault));
    } finally {
      closeVault(again);
    }
  });

  it('has a review frozen three weeks ago by a demo person, with a comment', () => {
    const [review, ...others] = listSnapshots(vault);
    expect(others).toEqual([]);
    expect(review).toMatchObject({
      ref: 'RV-1',
      evaluatedOn: '2026-04-24',
      signedOffBy: { name: 'Maya Okafor' },
    });
    expect(review!.signedOffAt.slice(0, 10)).toBe('2026-04-24');
    expect(review!.comment).toMatch(/planning call/);
  });

  it('keeps its audit log in time order as it replays the engagement, and verifies sound', async () => {
    const times = vault.db.sqlite
      .prepare('SELECT at FROM audit_event ORDER BY seq')
      .pluck()
      .all() as string[];
    expect(times[0]!.slice(0, 10)).toBe('2025-12-18');
    expect(times.at(-1)!.slice(0, 10)).toBe(TODAY);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect((await verifyVault(vault)).problems).toEqual([]);
  });
});

describe('attest readiness on the demo', () => {
  it('names the demo’s deliberate gaps', async () => {
    const dir = tempDir();
    const env = { ATTEST_NOW: TODAY };
    const built = captureIo(dir, env);
    expect(await run(['demo', 'demo.attest'], built.io)).toBe(0);
    const shown = captureIo(dir, env);
    expect(await run(['readiness', 'demo.attest', '--json'], shown.io)).toBe(0);
    const review = JSON.parse(shown.out) as {
      evaluatedOn: string;
      findings: { rule: string; object: string; message: string }[];
    };
    expect(review.evaluatedOn).toBe(TODAY);
    const of = (rule: string) => review.findings.filter((f) => f.rule === rule);
    expect(of('policy_acknowledged').map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'Not acknowledged in time by Grace Liu.',
        'Not acknowledged in time by Sam Whitfield.',
      ]),
    );
    expect(of('population_completeness').map((f) => f.object)).toEqual([
      expect.stringContaining('Production deployments'),
    ]);
    expect(of('deviation_response')).toHaveLength(1);
    expect(of('policy_approved').map((f) => f.object)).toContain('Vendor Management Policy');
    // The cloud provider's report ended two months ago; the bridge letter is still to come. Its
    // review found no exceptions, and says so.
    expect(of('subservice_bridge_letter').map((f) => f.message)).toEqual([
      expect.stringMatching(
        /no bridge letter is recorded for \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/,
      ),
    ]);
    expect(of('subservice_exceptions')).toEqual([]);
    // The one automated control relied on for its configuration has its change history.
    expect(of('automated_change_history')).toEqual([]);
  });
});

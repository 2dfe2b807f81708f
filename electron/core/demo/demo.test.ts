import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFromEnvironment } from '../../platform/clock';
import { tempDir } from '../../testing/tmp';
import { listRisks } from '../risks/risks';
import { getSystemDescription } from '../sd/description';
import { listTasks } from '../tasks/tasks';
import { getEngagement } from '../vault/engagement';
import { closeVault } from '../vault/session';
import { buildDemoVault } from './demo';
import { assessmentsByControl } from '../gaps/assessments';
import { coverageView } from '../gaps/coverage';
import { listControls } from '../scope/controls';
import { verifyVault } from '../vault/verify';

/** The demo as `attest demo` builds it with ATTEST_NOW set to `today`. */
async function demoOn(today: string) {
  const clock = clockFromEnvironment({ ATTEST_NOW: today });
  const vault = await buildDemoVault(join(tempDir(), 'demo.attest'), { clock });
  try {
    const sd = getSystemDescription(vault, false);
    return {
      engagement: getEngagement(vault),
      tasks: listTasks(vault),
      risks: listRisks(vault),
      report: sd.subservices[0]!.report!,
      events: [...sd.changes, ...sd.incidents],
      none: sd.none,
    };
  } finally {
    closeVault(vault);
  }
}

describe('the demo’s dates', () => {
  it('follow today: a six-month period under way that ends at the close of next month', async () => {
    const may = await demoOn('2026-05-15');
    const february = await demoOn('2027-02-10');
    expect(may.engagement.period).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(february.engagement.period).toEqual({ start: '2026-10-01', end: '2027-03-31' });
    // The subservice report ended two months ago and was reviewed since; the bridge note follows.
    expect(february.report).toMatchObject({
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      reviewedOn: '2027-02-07',
      bridgeGap: '1 Jan – 31 Mar 2027: request a bridge letter',
    });
    // Nothing that already happened is dated after today.
    expect(february.events.map((e) => e.date)).toEqual(['2026-11-30']);
    expect(february.none.incidents).toBe('2027-02-10');
    // Every task moved with today: same offsets, shifted dates.
    const offsets = (d: Awaited<ReturnType<typeof demoOn>>, today: string) =>
      d.tasks.map((t) => (Date.parse(t.dueOn!) - Date.parse(today)) / 86_400_000);
    expect(offsets(february, '2027-02-10')).toEqual(offsets(may, '2026-05-15'));
  });

  it('has exactly the one overdue task it means to have, and every risk owned and dated', async () => {
    const demo = await demoOn('2027-02-10');
    expect(demo.tasks).toHaveLength(10);
    expect(demo.tasks.filter((t) => t.overdue).map((t) => t.dueOn)).toEqual(['2027-02-03']);
    expect(demo.risks).toHaveLength(8);
    for (const risk of demo.risks) {
      expect(risk.ownerId).not.toBeNull();
      expect(risk.reviewOn! > '2027-02-10').toBe(true);
    }
  });
});

describe('the demo’s reviewed evidence', () => {
  it('evidences its implemented controls with demo files reviewed by someone else, so some criteria are met and some not, by the rule', async () => {
    const clock = clockFromEnvironment({ ATTEST_NOW: '2026-05-15' });
    const vault = await buildDemoVault(join(tempDir(), 'demo.attest'), { clock });
    try {
      const rows = vault.db.sqlite
        .prepare(
          `SELECT e.title, e.reviewer_id, e.reviewed_on, e.performed_on, c.owner_id, c.performer_id
             FROM evidence e JOIN evidence_control l ON l.evidence_id = e.id
             JOIN control c ON c.id = l.control_id`,
        )
        .all() as Record<string, string | null>[];
      expect(rows.length).toBeGreaterThan(50);
      for (const r of rows) {
        expect(r.title).toMatch(/\(demo\)$/);
        expect(r.reviewer_id).not.toBeNull();
        expect([r.owner_id, r.performer_id]).not.toContain(r.reviewer_id);
        expect(r.performed_on! <= '2026-05-15' && r.reviewed_on! <= '2026-05-15').toBe(true);
      }
      // Each window's file is demo content, and says so (the generated exports, screenshots
      // and reports are read back below).
      const texts = vault.db.sqlite
        .prepare(
          "SELECT bytes FROM blob_chunk WHERE blob_id IN (SELECT blob_id FROM evidence WHERE source = 'Demo data')",
        )
        .pluck()
        .all() as Buffer[];
      expect(texts.length).toBeGreaterThan(50);
      expect(texts.every((b) => b.toString('utf8').startsWith('DEMO EVIDENCE'))).toBe(true);

      const coverage = coverageView(vault);
      const met = coverage.criteria.filter((c) => c.status === 'met');
      expect(met.length).toBeGreaterThan(0);
      expect(met.length).toBeLessThan(coverage.criteria.length);
      // Met means every key control implemented with complete evidence; unmet ones name why.
      const assessments = assessmentsByControl(vault);
      const implemented = new Set(
        listControls(vault, { includeArchived: false, limit: 1000 })
          .items.filter((c) => assessments.get(c.id)?.status === 'implemented')
          .map((c) => c.id),
      );
      for (const c of met) expect(c.metBy.every((id) => implemented.has(id))).toBe(true);
      expect((await verifyVault(vault)).problems).toEqual([]);
    } finally {
      closeVault(vault);
    }
  });
});

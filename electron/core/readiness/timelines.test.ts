import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceAddInput, populationInput } from '../../../shared/api/evidence';
import { setCellInput } from '../../../shared/api/self-tests';
import { engagementInput } from '../../../shared/api/vault';
import { addDays } from '../../../shared/domain/calendar';
import { fixedClock } from '../../platform/clock';
import { sequentialIds } from '../../platform/ids';
import { tempDir } from '../../testing/tmp';
import { TYPE2_ENGAGEMENT } from '../../testing/vaults';
import { reviewEvidence } from '../evidence/evidence';
import { collectFiles, ingestEvidence } from '../evidence/ingest';
import { recordPopulation } from '../evidence/population';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { listControls, updateControl } from '../scope/controls';
import { drawSample } from '../self-tests/draw';
import { setCell } from '../self-tests/grid';
import { closeVault, createVault, type Vault } from '../vault/session';
import { controlTimelines } from './timelines';

let n = 0;
/** One file as evidence of a control, performed on a day and covering a window. */
async function evidence(
  vault: Vault,
  dir: string,
  controlId: string,
  performedOn: string,
  window: { start: string; end: string } | null,
  content = `item ${++n}`,
) {
  const path = join(dir, `ev-${++n}.txt`);
  writeFileSync(path, content);
  const input = evidenceAddInput.parse({
    sources: [{ path }],
    controlIds: [controlId],
    performedOn,
    ...(window ? { coverage: { window } } : {}),
  });
  const { files, skipped } = collectFiles(input.sources as { path: string }[]);
  return (await ingestEvidence(vault, input, files, skipped)).added[0]!.evidenceId;
}

/** A scoped Type II vault (1 Jan – 30 Jun 2026) whose clock reads 15 May 2026. */
async function midPeriodVault() {
  const dir = tempDir();
  const vault = await createVault(join(dir, 't.attest'), engagementInput.parse(TYPE2_ENGAGEMENT), {
    app: 'vitest',
    clock: fixedClock('2026-05-15T09:00:00.000Z'),
    ids: sequentialIds(),
  });
  applyScope(vault);
  const controls = listControls(vault, { includeArchived: false, limit: 1000 }).items;
  const reviewer = createPerson(vault, { name: 'Rita Reviewer' });
  return { dir, vault, controls, reviewer };
}

const statesOf = (vault: Vault, id: string) =>
  controlTimelines(vault)
    .controls.find((c) => c.id === id)!
    .windows.map((w) => [w.label, w.state]);

describe('readiness.timelines: each control over the period', () => {
  it('shows a quarterly control’s closed window reviewed and its open one scheduled', async () => {
    const { dir, vault, controls, reviewer } = await midPeriodVault();
    const q = controls[0]!;
    updateControl(vault, q.id, { frequency: 'quarterly', nature: 'manual' });
    const ev = await evidence(vault, dir, q.id, '2026-03-30', {
      start: '2026-01-01',
      end: '2026-03-31',
    });
    reviewEvidence(vault, ev, reviewer.id, '2026-04-02');
    const view = controlTimelines(vault);
    expect(view).toMatchObject({
      reportType: 'type2',
      evaluatedOn: '2026-05-15',
      period: { start: '2026-01-01', end: '2026-06-30' },
    });
    expect(view.controls).toHaveLength(controls.length);
    expect(statesOf(vault, q.id)).toEqual([
      ['Q1 2026', 'reviewed'],
      ['Q2 2026', 'scheduled'],
    ]);
    closeVault(vault);
  });

  it('tells a monthly control’s late, unreviewed, missing and scheduled windows apart', async () => {
    const { dir, vault, controls, reviewer } = await midPeriodVault();
    const m = controls[1]!;
    updateControl(vault, m.id, { frequency: 'monthly', nature: 'manual' });
    // January's review done in late March: after February (the next window) ended, so late.
    const late = await evidence(vault, dir, m.id, '2026-03-25', {
      start: '2026-01-01',
      end: '2026-01-31',
    });
    reviewEvidence(vault, late, reviewer.id, '2026-03-26');
    // February's is filed but nobody reviewed it yet; March and April have nothing.
    await evidence(vault, dir, m.id, '2026-02-27', { start: '2026-02-01', end: '2026-02-28' });
    expect(statesOf(vault, m.id)).toEqual([
      ['Jan 2026', 'late'],
      ['Feb 2026', 'unreviewed'],
      ['Mar 2026', 'missing'],
      ['Apr 2026', 'missing'],
      ['May 2026', 'scheduled'],
      ['Jun 2026', 'scheduled'],
    ]);
    closeVault(vault);
  });

  it('shows an annual control in a six-month period as one window not occurring', async () => {
    const { vault, controls } = await midPeriodVault();
    const a = controls[2]!;
    updateControl(vault, a.id, { frequency: 'annual', nature: 'manual' });
    expect(statesOf(vault, a.id)).toEqual([['1 Jan 2026 – 30 Jun 2026', 'not_occurring']]);
    closeVault(vault);
  });

  it('gives the latest self-test’s items and deviations, and counts deviations without a response', async () => {
    const { dir, vault, controls } = await midPeriodVault();
    const c = controls[3]!;
    updateControl(vault, c.id, {
      frequency: 'per_event',
      nature: 'manual',
      testAttributes: ['Access removed within one business day'],
    });
    const rows = ['Ticket,Employee,Terminated on'];
    for (let i = 1; i <= 60; i++) rows.push(`HR-${i},Person ${i},${addDays('2026-01-01', i)}`);
    const csv = join(dir, 'terminations.csv');
    writeFileSync(csv, rows.join('\n') + '\n');
    const input = evidenceAddInput.parse({
      sources: [{ path: csv }],
      controlIds: [c.id],
      performedOn: '2026-03-03',
    });
    const { files, skipped } = collectFiles(input.sources as { path: string }[]);
    const id = (await ingestEvidence(vault, input, files, skipped)).added[0]!.evidenceId;
    await recordPopulation(
      vault,
      populationInput.parse({ id, sourceSystem: 'HR system', dateColumn: 'Terminated on' }),
    );
    expect(controlTimelines(vault).controls.find((x) => x.id === c.id)).toMatchObject({
      selfTest: null,
      openDeviations: 0,
    });
    const t = await drawSample(vault, { controlId: c.id, seed: 'tl' });
    for (const item of t.items.slice(0, 2))
      setCell(
        vault,
        setCellInput.parse({
          testId: t.id,
          itemId: item.id,
          attributeId: t.attributes[0]!.id,
          result: 'fail',
          note: 'Removed a week later',
        }),
      );
    const row = controlTimelines(vault).controls.find((x) => x.id === c.id)!;
    expect(row.selfTest).toEqual({
      id: t.id,
      ref: t.ref,
      drawnOn: '2026-05-15',
      items: t.items.length,
      deviations: 2,
    });
    expect(row.openDeviations).toBe(2);
    expect(row.mode).toBe('population');
    closeVault(vault);
  });

  it('gives a Type I engagement one as-of cell per control', async () => {
    const dir = tempDir();
    const vault = await createVault(
      join(dir, 't1.attest'),
      engagementInput.parse({
        ...TYPE2_ENGAGEMENT,
        reportType: 'type1',
        period: undefined,
        asOf: '2026-03-31',
      }),
      { app: 'vitest', clock: fixedClock('2026-05-15T09:00:00.000Z'), ids: sequentialIds() },
    );
    applyScope(vault);
    const view = controlTimelines(vault);
    expect(view).toMatchObject({ reportType: 'type1', period: null });
    expect(view.controls[0]!.windows).toEqual([
      expect.objectContaining({ label: 'As of 31 Mar 2026', end: '2026-03-31', state: 'missing' }),
    ]);
    closeVault(vault);
  });
});

import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import type { EvidenceSource } from '../../../shared/api/evidence';
import type { SelfTestDetail } from '../../../shared/api/self-tests';
import { DEFAULT_SAMPLE_SIZE_TABLE } from '../../../shared/domain/sample-size';
import {
  type Case,
  type Harness,
  exported,
  fails,
  finish,
  freshVault,
  scopedVault,
  nextId,
  ok,
} from './harness';

/** A scoped vault whose first control is monthly (six windows in the period). */
async function monthly(t: Harness) {
  await scopedVault(t);
  const [control, other] = (await ok(t, 'controls.list', { limit: 2 })).items;
  await ok(t, 'controls.update', {
    id: control!.id,
    patch: { frequency: 'monthly', nature: 'manual', testAttributes: ['Reviewed', 'Signed off'] },
  });
  return { control: control!, other: other! };
}

async function drawn(t: Harness, input: Record<string, unknown>): Promise<SelfTestDetail> {
  const { jobId } = await ok(t, 'selfTests.draw', input as never);
  const job = await finish(t, jobId);
  if (job.state !== 'succeeded') throw new Error(`selfTests.draw: ${JSON.stringify(job.error)}`);
  return job.result as SelfTestDetail;
}

/** A monthly control's sample with one failed cell. */
async function withDeviation(t: Harness) {
  const { control } = await monthly(t);
  const test = await drawn(t, { controlId: control.id, seed: 'contract' });
  const failed = await ok(t, 'selfTests.setCell', {
    testId: test.id,
    itemId: test.items[0]!.id,
    attributeId: test.attributes[0]!.id,
    result: 'fail',
    note: 'No sign-off',
  });
  return { control, test, deviation: failed.deviation! };
}

async function source(t: Harness, name: string, content: string): Promise<EvidenceSource> {
  const path = join(t.home, `${nextId()}-${name}`);
  writeFileSync(path, content);
  const s = await t.source(path);
  return 'path' in s ? s : { uploadId: s.uploadId, fileName: basename(path) };
}

export const selfTestCases = {
  'selfTests.sizeTable': async (t) => {
    await freshVault(t);
    const view = await ok(t, 'selfTests.sizeTable', {});
    expect(view).toMatchObject({ isDefault: true, name: 'Attest defaults' });
    expect(view.source).toMatch(/your auditor’s prevails/);
  },
  'selfTests.importSizeTable': async (t) => {
    await freshVault(t);
    const theirs = { ...DEFAULT_SAMPLE_SIZE_TABLE, name: 'Example LLP', source: 'Their manual' };
    const view = await ok(t, 'selfTests.importSizeTable', { json: JSON.stringify(theirs) });
    expect(view).toMatchObject({ isDefault: false, name: 'Example LLP' });
    await fails(t, 'selfTests.importSizeTable', { json: '{"name":' }, 'validation');
    await fails(t, 'selfTests.importSizeTable', { json: '{"name":"x"}' }, 'validation');
    expect((await ok(t, 'selfTests.importSizeTable', { json: null })).isDefault).toBe(true);
  },
  'selfTests.plan': async (t) => {
    const { control } = await monthly(t);
    const plan = await ok(t, 'selfTests.plan', { controlId: control.id });
    expect(plan).toMatchObject({
      drawFrom: 'occurrences',
      populationSize: 6,
      mode: 'sample',
      size: 2,
      range: { min: 2, max: 5 },
    });
    await fails(t, 'selfTests.plan', { controlId: 'ctl_missing' }, 'not_found');
    await fails(t, 'selfTests.plan', { controlId: control.id, from: '2025-01-01' }, 'validation');
  },
  'selfTests.draw': async (t) => {
    const { other } = await monthly(t);
    // A per-event control is drawn from its population, read from the stored CSV.
    await ok(t, 'controls.update', {
      id: other.id,
      patch: { frequency: 'per_event', nature: 'manual' },
    });
    const rows = Array.from({ length: 60 }, (_, i) => `T-${i},2026-0${1 + (i % 6)}-1${i % 10}`);
    const added = await finish(
      t,
      (
        await ok(t, 'evidence.add', {
          sources: [await source(t, 'tickets.csv', ['Ticket,Closed on', ...rows].join('\n'))],
          controlIds: [other.id],
        })
      ).jobId,
    );
    const populationId = (added.result as { added: { evidenceId: string }[] }).added[0]!.evidenceId;
    const recorded = await finish(
      t,
      (
        await ok(t, 'evidence.recordPopulation', {
          id: populationId,
          sourceSystem: 'Ticketing',
          dateColumn: 'Closed on',
        })
      ).jobId,
    );
    expect(recorded.state).toBe('succeeded');
    const a = await drawn(t, { controlId: other.id, seed: 'same' });
    const b = await drawn(t, { controlId: other.id, seed: 'same' });
    expect(a).toMatchObject({ drawFrom: 'population', populationSize: 60, sampleSize: 20 });
    expect(a.completenessMissing).toBe(true);
    expect(b.items.map((i) => i.sourceRow)).toEqual(a.items.map((i) => i.sourceRow));
    // A re-test from 1 April: the plan and the draw count the 30 rows dated since (13–52 → 5).
    const from = '2026-04-01';
    const part = await ok(t, 'selfTests.plan', { controlId: other.id, from });
    expect(part).toMatchObject({ populationSize: 30, size: 5, period: { start: from } });
    const c = await drawn(t, { controlId: other.id, from, retestOfId: b.id });
    expect(c).toMatchObject({ populationSize: 30, sampleSize: 5, retestOfId: b.id });
    expect(c.items.every((i) => i.date !== null && i.date >= from)).toBe(true);
    await fails(t, 'selfTests.draw', { controlId: 'ctl_missing' }, 'not_found');
    await fails(t, 'selfTests.draw', { controlId: other.id, populationId, size: 61 }, 'validation');
  },
  'selfTests.expand': async (t) => {
    const { test } = await withDeviation(t);
    const { jobId } = await ok(t, 'selfTests.expand', { id: test.id });
    const job = await finish(t, jobId);
    expect((job.result as SelfTestDetail).items).toHaveLength(5);
    await fails(t, 'selfTests.expand', { id: 'tst_missing' }, 'not_found');
  },
  'selfTests.list': async (t) => {
    const { control, test } = await withDeviation(t);
    const list = await ok(t, 'selfTests.list', { controlId: control.id });
    expect(list).toEqual([
      expect.objectContaining({
        id: test.id,
        result: 'Self-test: 1 deviation in 2 items',
        label: 'Management self-test — your auditor selects its own items',
      }),
    ]);
    expect(await ok(t, 'selfTests.list', {})).toHaveLength(1);
  },
  'selfTests.get': async (t) => {
    const { test } = await withDeviation(t);
    const detail = await ok(t, 'selfTests.get', { id: test.id });
    expect(detail.deviationList).toHaveLength(1);
    expect(detail.expansion).toMatchObject({ allowed: true, to: 5 });
    await fails(t, 'selfTests.get', { id: 'tst_missing' }, 'not_found');
  },
  'selfTests.setAttributes': async (t) => {
    const { control } = await monthly(t);
    const test = await drawn(t, { controlId: control.id });
    const edited = await ok(t, 'selfTests.setAttributes', {
      id: test.id,
      attributes: [{ id: test.attributes[1]!.id, text: 'Signed' }, { text: 'Filed' }],
    });
    expect(edited.attributes.map((a) => a.text)).toEqual(['Signed', 'Filed']);
    await fails(t, 'selfTests.setAttributes', { id: test.id, attributes: [] }, 'validation');
  },
  'selfTests.setCell': async (t) => {
    const { test, deviation } = await withDeviation(t);
    expect(deviation).toMatchObject({ ref: 'DEV-1', responseMissing: true, reportable: true });
    const refused = await fails(
      t,
      'selfTests.setCell',
      {
        testId: test.id,
        itemId: test.items[0]!.id,
        attributeId: test.attributes[0]!.id,
        result: 'pass',
      },
      'conflict',
    );
    expect(refused.message).toMatch(/never erased/);
    await fails(
      t,
      'selfTests.setCell',
      { testId: test.id, itemId: 'tsi_x', attributeId: test.attributes[0]!.id, result: 'pass' },
      'not_found',
    );
  },
  'selfTests.deviations': async (t) => {
    const { control } = await withDeviation(t);
    const list = await ok(t, 'selfTests.deviations', { controlId: control.id });
    expect(list.map((d) => [d.ref, d.responseMissing])).toEqual([['DEV-1', true]]);
  },
  'selfTests.updateDeviation': async (t) => {
    const { deviation } = await withDeviation(t);
    const updated = await ok(t, 'selfTests.updateDeviation', {
      id: deviation.id,
      patch: { managementResponse: 'Sign-off enforced', extent: 'systematic' },
    });
    expect(updated).toMatchObject({
      responseMissing: false,
      extent: 'systematic',
      withdrawn: null,
    });
    await fails(
      t,
      'selfTests.updateDeviation',
      { id: deviation.id, patch: { extent: 'sometimes' } },
      'validation',
    );
  },
  'selfTests.exportWorksheet': async (t) => {
    const { test } = await withDeviation(t);
    const { result, bytes } = await exported(t, 'selfTests.exportWorksheet', { id: test.id });
    if (t.transport === 'http') expect(result.fileName).toMatch(/_ST-1_.*\.xlsx$/);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  },
} satisfies Record<string, Case>;

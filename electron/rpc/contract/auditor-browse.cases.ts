import { join } from 'node:path';
import { expect } from 'vitest';
import { readResponseFile } from '../../core/auditor/signature';
import { type FixtureFile, sampleFiles, writeTestPackage } from '../../testing/package-fixture';
import { type Case, exported, fails, finish, nextId, ok } from './harness';

/** The sample package with a dated population: four rows, one dated after its window. */
function filesWithPopulation(): FixtureFile[] {
  return [
    ...sampleFiles(),
    {
      path: '05_Populations/EV-0003_2026-01-01_2026-03-31_Terminations.csv',
      content:
        'user,terminated_on\nalice,2026-01-05\nbob,2026-02-11\ncarol,2026-03-30\ndave,2026-04-02\n',
      kind: 'population',
      evidenceId: 'EV-0003',
      controls: ['CC6.2-01'],
      criteria: ['CC6.2'],
      requests: ['PBC-014'],
    },
  ];
}

async function openWithPopulation(t: Parameters<Case>[0]) {
  await ok(t, 'vault.close', {});
  const pkg = await writeTestPackage(join(t.home, `pkg-${nextId()}.zip`), filesWithPopulation());
  const job = await finish(
    t,
    (await ok(t, 'auditor.openPackage', { source: await t.source(pkg.path) })).jobId,
  );
  expect(job.result).toMatchObject({ opened: true });
  return pkg;
}

/** Every auditor method but opening answers `conflict` with no package open. */
async function refusedWithoutPackage(t: Parameters<Case>[0], method: string, input: unknown) {
  await ok(t, 'auditor.closePackage', {});
  const error = await fails(t, method as 'auditor.contents', input, 'conflict');
  expect(error.message).toMatch(/No audit package is open/);
}

export const auditorBrowseCases = {
  'auditor.contents': async (t) => {
    await openWithPopulation(t);
    const contents = await ok(t, 'auditor.contents', {});
    expect(contents.evidence.map((e) => [e.id, e.kind])).toEqual([
      ['EV-0001', 'evidence'],
      ['EV-0002', 'population'],
      ['EV-0003', 'population'],
    ]);
    expect(contents.requests.map((r) => r.ref)).toEqual(['PBC-001', 'PBC-014']);
    expect(contents.requests[1]!.evidence).toEqual(['EV-0002', 'EV-0003']);
    expect(contents.controls.map((c) => c.ref)).toEqual(['CC6.1-01', 'CC6.2-01']);
    expect(contents.criteria.find((c) => c.id === 'CC6.1')).toMatchObject({
      title: expect.stringMatching(/\w/),
      controls: ['CC6.1-01'],
      evidence: ['EV-0001'],
    });
    expect(contents.populations.find((p) => p.id === 'EV-0003')).toMatchObject({
      rows: 4,
      dateColumn: 'terminated_on',
      window: { start: '2026-01-01', end: '2026-03-31' },
    });
    expect(contents.documents.map((d) => d.path)).toEqual([
      '01_Index/evidence-index.csv',
      'index.html',
    ]);
    await refusedWithoutPackage(t, 'auditor.contents', {});
  },
  'auditor.populationRows': async (t) => {
    await openWithPopulation(t);
    const page = await ok(t, 'auditor.populationRows', {
      population: 'EV-0003',
      limit: 2,
      offset: 2,
    });
    expect(page).toEqual({
      columns: ['user', 'terminated_on'],
      dateColumn: 'terminated_on',
      total: 4,
      rows: [
        { key: 'row-4', cells: ['carol', '2026-03-30'], outsideWindow: false },
        { key: 'row-5', cells: ['dave', '2026-04-02'], outsideWindow: true },
      ],
    });
    const found = await ok(t, 'auditor.populationRows', { population: 'EV-0003', search: 'BOB' });
    expect(found.total).toBe(1);
    expect(found.rows[0]!.key).toBe('row-3');
    await fails(t, 'auditor.populationRows', { population: 'EV-0001' }, 'not_found');
    await fails(t, 'auditor.populationRows', { population: 'EV-0003', limit: 501 }, 'validation');
    await refusedWithoutPackage(t, 'auditor.populationRows', { population: 'EV-0003' });
  },
  'auditor.identity': async (t) => {
    const set = await ok(t, 'auditor.setIdentity', { name: 'Dana Auditor', firm: 'Example LLP' });
    expect(await ok(t, 'auditor.identity', {})).toEqual(set);
    expect(set).toMatchObject({
      email: null,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  },
  'auditor.setIdentity': async (t) => {
    const first = await ok(t, 'auditor.setIdentity', { name: 'Dana Auditor', firm: 'Example LLP' });
    // A new firm keeps the key the consultant has confirmed.
    const again = await ok(t, 'auditor.setIdentity', {
      name: 'Dana Auditor',
      firm: 'Other LLP',
      email: 'dana@example.com',
    });
    expect(again).toEqual({ ...first, firm: 'Other LLP', email: 'dana@example.com' });
    await fails(t, 'auditor.setIdentity', { name: ' ', firm: 'X' }, 'validation');
  },
  'auditor.draft': async (t) => {
    await openWithPopulation(t);
    expect(await ok(t, 'auditor.draft', {})).toEqual({ items: [], updatedAt: null });
    await ok(t, 'auditor.addItem', { kind: 'status', requestRef: 'PBC-001', status: 'accepted' });
    const draft = await ok(t, 'auditor.draft', {});
    expect(draft.items).toMatchObject([{ kind: 'status', requestRef: 'PBC-001' }]);
    expect(draft.updatedAt).toMatch(/^\d{4}-/);
    await refusedWithoutPackage(t, 'auditor.draft', {});
  },
  'auditor.addItem': async (t) => {
    await openWithPopulation(t);
    await ok(t, 'auditor.addItem', { kind: 'status', requestRef: 'PBC-014', status: 'accepted' });
    const { item } = await ok(t, 'auditor.addItem', {
      kind: 'status',
      requestRef: 'PBC-014',
      status: 'follow_up',
    });
    const statuses = (await ok(t, 'auditor.draft', {})).items.filter(
      (i) => i.kind === 'status' && i.requestRef === 'PBC-014',
    );
    expect(statuses).toEqual([item]);
    await ok(t, 'auditor.addItem', {
      kind: 'sample',
      populationId: 'EV-0003',
      rowKeys: ['row-2', 'row-5'],
      note: 'Show the ticket',
    });
    await fails(
      t,
      'auditor.addItem',
      { kind: 'status', requestRef: 'PBC-999', status: 'accepted' },
      'not_found',
    );
    await fails(
      t,
      'auditor.addItem',
      { kind: 'comment', evidenceId: 'EV-9', body: 'x' },
      'not_found',
    );
    await fails(
      t,
      'auditor.addItem',
      { kind: 'sample', populationId: 'EV-0003', rowKeys: ['row-99'], note: '' },
      'not_found',
    );
    await fails(t, 'auditor.addItem', { kind: 'comment', body: 'on nothing' }, 'validation');
    await refusedWithoutPackage(t, 'auditor.addItem', {
      kind: 'status',
      requestRef: 'PBC-014',
      status: 'accepted',
    });
  },
  'auditor.removeItem': async (t) => {
    await openWithPopulation(t);
    const { item } = await ok(t, 'auditor.addItem', {
      kind: 'comment',
      evidenceId: 'EV-0001',
      body: 'Which quarter?',
    });
    expect(await ok(t, 'auditor.removeItem', { id: item.id })).toEqual({ removed: true });
    expect(await ok(t, 'auditor.removeItem', { id: item.id })).toEqual({ removed: false });
    expect((await ok(t, 'auditor.draft', {})).items.some((i) => i.id === item.id)).toBe(false);
    await refusedWithoutPackage(t, 'auditor.removeItem', { id: item.id });
  },
  'auditor.saveResponse': async (t) => {
    const pkg = await openWithPopulation(t);
    await ok(t, 'auditor.setIdentity', { name: 'Dana Auditor', firm: 'Example LLP' });
    // A fresh package has an empty draft: nothing to save yet.
    await fails(t, 'auditor.saveResponse', {}, 'validation');
    await ok(t, 'auditor.addItem', { kind: 'status', requestRef: 'PBC-001', status: 'accepted' });
    const { bytes } = await exported(t, 'auditor.saveResponse', {});
    const read = readResponseFile(bytes);
    expect(read.signer).toMatchObject({ signed: true });
    expect(read.response.items).toMatchObject([{ kind: 'status', requestRef: 'PBC-001' }]);
    expect(read.response.package.engagement).toBe(pkg.manifest.engagement.name);
    expect(read.response.auditor).toEqual({ name: 'Dana Auditor', firm: 'Example LLP' });
    await refusedWithoutPackage(t, 'auditor.saveResponse', {});
  },
} satisfies Record<string, Case>;

import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import type { EvidenceSource } from '../../../shared/api/evidence';
import { type Case, type Harness, fails, finish, scopedVault, nextId, ok } from './harness';

function file(t: Harness, name: string, content: string | Buffer): string {
  const path = join(t.home, `${nextId()}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** A file as evidence: its path (desktop, CLI) or an upload with its name (browser). */
async function source(t: Harness, path: string): Promise<EvidenceSource> {
  const s = await t.source(path);
  return 'path' in s ? s : { uploadId: s.uploadId, fileName: basename(path) };
}

/** A scoped vault with two people, and the first two controls. */
async function scoped(t: Harness) {
  await scopedVault(t);
  const controls = (await ok(t, 'controls.list', { limit: 2 })).items;
  const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
  const ben = await ok(t, 'people.create', { name: 'Ben Okafor' });
  return { controls, ana, ben };
}

/** A control of the scoped vault by its reference (AC-01 is automated, AC-05 manual). */
async function control(t: Harness, ref: string) {
  const found = (await ok(t, 'controls.list', { search: ref, limit: 10 })).items;
  return found.find((c) => c.ref === ref)!;
}

async function added(t: Harness, names: string[], extra: Record<string, unknown> = {}) {
  const sources = [];
  for (const name of names) sources.push(await source(t, file(t, name, `content of ${name}`)));
  const job = await finish(t, (await ok(t, 'evidence.add', { sources, ...extra })).jobId);
  if (job.state !== 'succeeded') throw new Error(`evidence.add: ${JSON.stringify(job.error)}`);
  return (job.result as { added: { evidenceId: string; ref: string }[] }).added;
}

export const evidenceCases = {
  'evidence.add': async (t) => {
    const { controls } = await scoped(t);
    const items = await added(t, ['q1.pdf', 'q2.pdf'], {
      controlIds: [controls[0]!.id],
      performedOn: '2026-03-31',
      coverage: { asOf: '2026-03-31' },
    });
    expect(items.map((i) => i.ref)).toEqual(['EV-1', 'EV-2']);
    const again = await added(t, ['q1.pdf']);
    expect(again[0]).toMatchObject({ ref: 'EV-3', deduplicated: true });
    // An unknown control fails the call before any job starts.
    await fails(
      t,
      'evidence.add',
      { sources: [await source(t, file(t, 'x.txt', 'x'))], controlIds: ['ctl_nope'] },
      'validation',
    );
    await fails(t, 'evidence.add', { sources: [] }, 'validation');
    // As an automated control's configuration change history: linked too, and marked so.
    const sso = await control(t, 'AC-01');
    const [log] = await added(t, ['sso-changes.csv'], { changeHistoryFor: [sso.id] });
    expect(await ok(t, 'evidence.get', { id: log!.evidenceId })).toMatchObject({
      controlIds: [sso.id],
      changeHistoryFor: [sso.id],
    });
    // A manual control has no configuration change history: refused before any job starts.
    const manual = await control(t, 'AC-05');
    const refused = await fails(
      t,
      'evidence.add',
      { sources: [await source(t, file(t, 'y.txt', 'y'))], changeHistoryFor: [manual.id] },
      'validation',
    );
    expect(refused.message).toMatch(/not automated/);
    if (t.transport === 'http') {
      const refused = await fails(t, 'evidence.add', { sources: [{ path: t.home }] }, 'validation');
      expect(refused.message).toMatch(/uploading/);
    }
  },
  'evidence.addLink': async (t) => {
    const { controls } = await scoped(t);
    const link = await ok(t, 'evidence.addLink', {
      url: 'https://tickets.example.com/browse/SEC-42',
      title: 'Offboarding ticket SEC-42',
      controlIds: [controls[0]!.id],
      performedOn: '2026-02-03',
    });
    expect(link).toMatchObject({
      ref: 'EV-1',
      kind: 'link',
      url: 'https://tickets.example.com/browse/SEC-42',
      file: null,
      controlIds: [controls[0]!.id],
      performedOn: '2026-02-03',
    });
    // Web addresses only, whole and without credentials; the title is required.
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'tickets.example.com/SEC-42',
      'https://ana:secret@tickets.example.com/',
      'https:///nohost',
      'https://example.com/a b',
      `https://example.com/${'a'.repeat(2000)}`,
    ]) {
      await fails(t, 'evidence.addLink', { url, title: 'x' }, 'validation');
    }
    await fails(t, 'evidence.addLink', { url: 'https://example.com' }, 'validation');
    await fails(
      t,
      'evidence.addLink',
      { url: 'https://example.com', title: 'x', controlIds: ['ctl_nope'] },
      'validation',
    );
    expect((await ok(t, 'evidence.list', { kind: 'link' })).total).toBe(1);
    const sso = await control(t, 'AC-01');
    const history = await ok(t, 'evidence.addLink', {
      url: 'https://git.example.com/idp-config/commits',
      title: 'SSO configuration commits',
      controlIds: [controls[0]!.id],
      changeHistoryFor: [sso.id],
      coverage: { window: { start: '2026-01-01', end: '2026-06-30' } },
    });
    expect(history.changeHistoryFor).toEqual([sso.id]);
    expect(history.controlIds).toEqual(expect.arrayContaining([controls[0]!.id, sso.id]));
  },
  'evidence.addNote': async (t) => {
    const { controls } = await scoped(t);
    const note = await ok(t, 'evidence.addNote', {
      title: 'Inquiry with the CTO',
      body: '# Inquiry\n\nAsked **how** deployments are approved.',
      controlIds: [controls[1]!.id],
      coverage: { asOf: '2026-03-31' },
    });
    expect(note).toMatchObject({ kind: 'note', url: null, file: null, asOf: '2026-03-31' });
    const detail = await ok(t, 'evidence.get', { id: note.id });
    expect(detail.body).toBe('# Inquiry\n\nAsked **how** deployments are approved.');
    // The note's text is searchable; it can be edited, but a note has no address.
    expect((await ok(t, 'evidence.search', { query: 'deployments' })).items).toHaveLength(1);
    await ok(t, 'evidence.update', { id: note.id, patch: { body: 'Changed.' } });
    expect((await ok(t, 'evidence.get', { id: note.id })).body).toBe('Changed.');
    await fails(
      t,
      'evidence.update',
      { id: note.id, patch: { url: 'https://example.com' } },
      'validation',
    );
    await fails(t, 'evidence.addNote', { title: 'Empty', body: '   ' }, 'validation');
    await fails(t, 'evidence.addNote', { title: 'Big', body: 'x'.repeat(100_001) }, 'validation');
    expect((await ok(t, 'evidence.list', { kind: 'note' })).total).toBe(1);
    expect((await ok(t, 'evidence.list', { kind: 'file' })).total).toBe(0);
  },
  'evidence.list': async (t) => {
    const { controls } = await scoped(t);
    await added(t, ['a.txt', 'b.txt'], { controlIds: [controls[0]!.id] });
    await added(t, ['c.txt'], { coverage: { asOf: '2020-01-01' } });
    const page = await ok(t, 'evidence.list', { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.ref)).toEqual(['EV-1', 'EV-2']);
    const rest = await ok(t, 'evidence.list', { limit: 2, cursor: page.nextCursor! });
    expect(rest.items.map((e) => e.ref)).toEqual(['EV-3']);
    expect((await ok(t, 'evidence.list', { controlId: controls[0]!.id })).total).toBe(2);
    expect((await ok(t, 'evidence.list', { windowStatus: 'outside' })).total).toBe(1);
    await fails(t, 'evidence.list', { cursor: 'nonsense' }, 'validation');
  },
  'evidence.get': async (t) => {
    await scoped(t);
    const [item] = await added(t, ['a.txt']);
    const detail = await ok(t, 'evidence.get', { id: item!.evidenceId });
    expect(detail).toMatchObject({ ref: 'EV-1', population: null, supersedes: [] });
    expect(detail.file?.size).toBe('content of a.txt'.length);
    await fails(t, 'evidence.get', { id: 'evd_missing' }, 'not_found');
  },
  'evidence.update': async (t) => {
    const { ana } = await scoped(t);
    const [item] = await added(t, ['a.txt']);
    const updated = await ok(t, 'evidence.update', {
      id: item!.evidenceId,
      patch: {
        title: 'Access review Q1',
        coverage: { window: { start: '2026-01-01', end: '2026-03-31' } },
        collectorId: ana.id,
      },
    });
    expect(updated).toMatchObject({ title: 'Access review Q1', windowStatus: 'inside' });
    await fails(
      t,
      'evidence.update',
      {
        id: item!.evidenceId,
        patch: { coverage: { window: { start: '2026-03-31', end: '2026-01-01' } } },
      },
      'validation',
    );
    // The change history of linked automated controls only; an empty list makes it an instance.
    const sso = await control(t, 'AC-01');
    const id = item!.evidenceId;
    await fails(t, 'evidence.update', { id, patch: { changeHistoryFor: [sso.id] } }, 'validation');
    await ok(t, 'evidence.link', { id, controlIds: [sso.id] });
    const marked = await ok(t, 'evidence.update', { id, patch: { changeHistoryFor: [sso.id] } });
    expect(marked).toMatchObject({ controlIds: [sso.id], changeHistoryFor: [sso.id] });
    const back = await ok(t, 'evidence.update', { id, patch: { changeHistoryFor: [] } });
    expect(back).toMatchObject({ controlIds: [sso.id], changeHistoryFor: [] });
    const manual = await control(t, 'AC-05');
    await ok(t, 'evidence.link', { id, controlIds: [manual.id] });
    await fails(
      t,
      'evidence.update',
      { id, patch: { changeHistoryFor: [manual.id] } },
      'validation',
    );
  },
  'evidence.counts': async (t) => {
    const { controls, ana, ben } = await scoped(t);
    expect(await ok(t, 'evidence.counts', {})).toEqual({ total: 0, unreviewed: 0 });
    await ok(t, 'controls.update', { id: controls[0]!.id, patch: { performerId: ana.id } });
    const [a, b] = await added(t, ['a.txt', 'b.txt'], { controlIds: [controls[0]!.id] });
    expect(await ok(t, 'evidence.counts', {})).toEqual({ total: 2, unreviewed: 2 });
    await ok(t, 'evidence.review', { id: a!.evidenceId, reviewerId: ben.id });
    expect(await ok(t, 'evidence.counts', {})).toEqual({ total: 2, unreviewed: 1 });
    // A superseded item is history: the newer one stands for it.
    await ok(t, 'evidence.supersede', { id: b!.evidenceId, byId: a!.evidenceId });
    expect(await ok(t, 'evidence.counts', {})).toEqual({ total: 1, unreviewed: 0 });
  },
  'evidence.review': async (t) => {
    const { controls, ana, ben } = await scoped(t);
    await ok(t, 'controls.update', {
      id: controls[0]!.id,
      patch: { performerId: ana.id, reviewerId: ben.id },
    });
    const [item] = await added(t, ['a.txt'], { controlIds: [controls[0]!.id] });
    const refused = await ok(t, 'evidence.review', { id: item!.evidenceId, reviewerId: ana.id });
    expect(refused.warning).toMatch(/does not count/);
    expect(refused.evidence.reviewerId).toBeNull();
    const done = await ok(t, 'evidence.review', {
      id: item!.evidenceId,
      reviewerId: ben.id,
      reviewedOn: '2026-04-01',
    });
    expect(done).toMatchObject({ warning: null, evidence: { reviewedOn: '2026-04-01' } });
  },
  'evidence.supersede': async (t) => {
    await scoped(t);
    const [older, newer] = await added(t, ['v1.txt', 'v2.txt']);
    const marked = await ok(t, 'evidence.supersede', {
      id: older!.evidenceId,
      byId: newer!.evidenceId,
    });
    expect(marked.supersededById).toBe(newer!.evidenceId);
    expect((await ok(t, 'evidence.list', {})).items.map((e) => e.ref)).toEqual([newer!.ref]);
    await fails(
      t,
      'evidence.supersede',
      { id: older!.evidenceId, byId: newer!.evidenceId },
      'conflict',
    );
    await fails(
      t,
      'evidence.supersede',
      { id: newer!.evidenceId, byId: newer!.evidenceId },
      'validation',
    );
  },
  'evidence.link': async (t) => {
    const { controls } = await scoped(t);
    const [item] = await added(t, ['a.txt']);
    const linked = await ok(t, 'evidence.link', {
      id: item!.evidenceId,
      controlIds: controls.map((c) => c.id),
    });
    expect(linked.controlIds).toEqual(controls.map((c) => c.id));
  },
  'evidence.unlink': async (t) => {
    const { controls } = await scoped(t);
    const [item] = await added(t, ['a.txt'], { controlIds: controls.map((c) => c.id) });
    const unlinked = await ok(t, 'evidence.unlink', {
      id: item!.evidenceId,
      controlIds: [controls[0]!.id],
    });
    expect(unlinked.controlIds).toEqual([controls[1]!.id]);
  },
  'evidence.search': async (t) => {
    await scoped(t);
    await added(t, ['firewall-export.txt', 'hr-terminations.csv']);
    const found = await ok(t, 'evidence.search', { query: 'termin' });
    expect(found.items.map((i) => i.title)).toEqual([expect.stringContaining('hr-terminations')]);
    await fails(t, 'evidence.search', { query: '' }, 'validation');
  },
  'evidence.recordPopulation': async (t) => {
    await scoped(t);
    const [population] = await added(t, ['terminations.csv']);
    // Overwrite with a real population: a header and three rows, one dated outside the period.
    const path = file(
      t,
      'terms.csv',
      'Employee,Terminated on\nA,2026-02-01\nB,2026-07-15\nC,2026-03-09\n',
    );
    const [csv] = await finishAdd(t, path);
    const job = await finish(
      t,
      (
        await ok(t, 'evidence.recordPopulation', {
          id: csv!.evidenceId,
          sourceSystem: 'Workday (HR)',
          dateColumn: 'Terminated on',
          supportIds: [population!.evidenceId],
        })
      ).jobId,
    );
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      kind: 'population',
      population: { rowCount: 3, rowsOutside: 1, outsideSample: [{ row: 3, date: '2026-07-15' }] },
    });
    const empty = await finishAdd(t, file(t, 'none.csv', 'Employee,Terminated on\n'));
    const zero = await finish(
      t,
      (
        await ok(t, 'evidence.recordPopulation', {
          id: empty[0]!.evidenceId,
          sourceSystem: 'Workday (HR)',
          dateColumn: 'Terminated on',
        })
      ).jobId,
    );
    expect(zero.result).toMatchObject({ population: { rowCount: 0 } });
    expect((zero.result as { population: { notes: string[] } }).population.notes[0]).toMatch(
      /not operated and therefore not tested/,
    );
  },
} satisfies Record<string, Case>;

async function finishAdd(t: Harness, path: string) {
  const job = await finish(
    t,
    (await ok(t, 'evidence.add', { sources: [await source(t, path)] })).jobId,
  );
  return (job.result as { added: { evidenceId: string }[] }).added;
}

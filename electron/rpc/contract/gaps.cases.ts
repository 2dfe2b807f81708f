import { expect } from 'vitest';
import type { Input } from '../../../shared/api/index';
import { type Case, exported, type Harness, fails, scopedVault, ok } from './harness';

/** A confirmed Security-only scope; returns a few controls by reference. */
async function scoped(t: Harness) {
  await scopedVault(t);
  const items = (await ok(t, 'controls.list', { limit: 1000 })).items;
  const byRef = (ref: string) => items.find((c) => c.ref === ref)!;
  return { items, byRef };
}

export const gapCases = {
  'assessments.list': async (t) => {
    const { items, byRef } = await scoped(t);
    await ok(t, 'assessments.set', { controlId: byRef('AC-01').id, status: 'implemented' });
    const list = await ok(t, 'assessments.list', {});
    expect(list.items).toHaveLength(1);
    expect(list.summary).toMatchObject({ controls: items.length, assessed: 1 });
    expect(list.summary.byStatus.not_assessed).toBe(items.length - 1);
  },
  'assessments.controls': async (t) => {
    const { items, byRef } = await scoped(t);
    await ok(t, 'assessments.set', { controlId: byRef('AC-01').id, status: 'implemented' });
    await ok(t, 'assessments.set', { controlId: byRef('AC-02').id, status: 'partial' });
    const refs = async (input: Omit<Input<'assessments.controls'>, 'limit'>) =>
      (await ok(t, 'assessments.controls', { limit: 1000, ...input })).items.map(
        (r) => r.control.ref,
      );
    // The assessment state, in SQL: a status, or not assessed yet.
    expect(await refs({ status: 'partial' })).toEqual(['AC-02']);
    const unassessed = await ok(t, 'assessments.controls', { status: 'not_assessed', limit: 5 });
    expect(unassessed.total).toBe(items.length - 2);
    expect(unassessed.items.every((r) => r.status === 'not_assessed')).toBe(true);
    // By status: what needs work first (not assessed, …, implemented, not applicable).
    const byStatus = await ok(t, 'assessments.controls', {
      sort: { key: 'status', dir: 'desc' },
      limit: 2,
    });
    expect(byStatus.items.map((r) => [r.control.ref, r.status])).toEqual([
      ['AC-01', 'implemented'],
      ['AC-02', 'partial'],
    ]);
    // Owner (a person, or nobody) and the warnings a reviewer would flag.
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    await ok(t, 'controls.update', {
      id: byRef('AC-03').id,
      patch: { ownerId: ana.id, performerId: ana.id, reviewerId: ana.id },
    });
    await ok(t, 'controls.update', {
      id: byRef('AC-04').id,
      patch: { ownerId: ana.id, operatingSince: '2026-03-01' },
    });
    await ok(t, 'controls.update', { id: byRef('AC-05').id, patch: { ownerId: ana.id } });
    expect(await refs({ ownerId: ana.id })).toEqual(['AC-03', 'AC-04', 'AC-05']);
    expect((await ok(t, 'assessments.controls', { unowned: true, limit: 1 })).total).toBe(
      items.length - 3,
    );
    // The period starts 2026-01-01: operating since March is a late start.
    const owned = (await ok(t, 'assessments.controls', { ownerId: ana.id, limit: 10 })).items;
    expect(owned.map((r) => [r.control.ref, r.warnings])).toEqual([
      ['AC-03', ['same_performer_reviewer']],
      ['AC-04', ['late_start']],
      ['AC-05', []],
    ]);
    expect(await refs({ ownerId: ana.id, warningsOnly: true })).toEqual(['AC-03', 'AC-04']);
    expect((await ok(t, 'assessments.controls', { warningsOnly: true, limit: 1 })).total).toBe(
      items.length - 1,
    );
    // The search reads the owner's name and the mapped criteria too; sorted by owner, nobody last.
    expect(await refs({ search: 'ana lima' })).toEqual(['AC-03', 'AC-04', 'AC-05']);
    const cc61 = await refs({ search: 'CC6.1' });
    const mapped = (await ok(t, 'controls.list', { criterionId: 'CC6.1', limit: 1000 })).items;
    expect(cc61).toEqual(expect.arrayContaining(mapped.map((c) => c.ref)));
    const byOwner = await refs({ sort: { key: 'owner', dir: 'desc' } });
    expect(byOwner.slice(0, 3)).toEqual(['AC-03', 'AC-04', 'AC-05']);
    // Paged by an opaque cursor: every control once, in the order asked for.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(t, 'assessments.controls', {
        sort: { key: 'title', dir: 'asc' },
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((r) => r.control.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(items.length);
    expect(seen).toHaveLength(items.length);
    await fails(t, 'assessments.controls', { cursor: 'AC-01' }, 'validation');
    await fails(t, 'assessments.controls', { status: 'unknown' }, 'validation');
    await fails(t, 'assessments.controls', { ownerId: 'none' }, 'validation');
  },
  'assessments.set': async (t) => {
    const { byRef } = await scoped(t);
    const a = await ok(t, 'assessments.set', {
      controlId: byRef('AC-02').id,
      status: 'partial',
      notes: 'Not on VPN yet',
    });
    expect(a).toMatchObject({ status: 'partial', notes: 'Not on VPN yet', naReason: null });
    expect(a.assessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const error = await fails(
      t,
      'assessments.set',
      { controlId: byRef('AC-02').id, status: 'not_applicable' },
      'validation',
    );
    expect(error.details).toEqual([
      { path: ['naReason'], message: 'Say why the control does not apply' },
    ]);
    // The refused change saved nothing.
    expect((await ok(t, 'assessments.list', {})).items[0]!.status).toBe('partial');
    await fails(
      t,
      'assessments.set',
      { controlId: 'ctl_nope', status: 'implemented' },
      'not_found',
    );
  },
  'assessments.setMany': async (t) => {
    const { items } = await scoped(t);
    const ids = items.slice(0, 5).map((c) => c.id);
    await ok(t, 'assessments.set', {
      controlId: ids[0]!,
      status: 'partial',
      notes: 'Keep me',
      assessedOn: '2026-02-01',
    });
    expect(
      (await ok(t, 'assessments.setMany', { controlIds: ids, status: 'implemented' })).items,
    ).toHaveLength(5);
    // A bulk status change keeps each control's notes and date.
    const first = (await ok(t, 'assessments.list', {})).items.find((a) => a.controlId === ids[0]);
    expect(first).toMatchObject({
      status: 'implemented',
      notes: 'Keep me',
      assessedOn: '2026-02-01',
    });
    await fails(
      t,
      'assessments.setMany',
      { controlIds: ids, status: 'not_applicable' },
      'validation',
    );
    await fails(
      t,
      'assessments.setMany',
      { controlIds: [...ids, 'ctl_ghost'], status: 'partial' },
      'not_found',
    );
    // All or nothing: the refused batch changed none of the five.
    const statuses = (await ok(t, 'assessments.list', {})).items.map((a) => a.status);
    expect(statuses).toEqual([
      'implemented',
      'implemented',
      'implemented',
      'implemented',
      'implemented',
    ]);
    // "Select all matching": the server resolves the list's filter, past any page the window holds.
    const filter = { criterionId: 'CC6.1' as const };
    const listed = await ok(t, 'controls.list', { ...filter, limit: 2 });
    expect(listed.total).toBeGreaterThan(2);
    const matched = await ok(t, 'assessments.setMany', {
      matching: filter,
      status: 'not_implemented',
    });
    expect(matched.items).toHaveLength(listed.total);
    expect(matched.items.every((a) => a.status === 'not_implemented')).toBe(true);
    const cc61 = (await ok(t, 'controls.list', { ...filter, limit: 500 })).items.map((c) => c.id);
    expect(matched.items.map((a) => a.controlId).sort()).toEqual([...cc61].sort());
    await fails(
      t,
      'assessments.setMany',
      { matching: { search: 'no control says this' }, status: 'partial' },
      'validation',
    );
    await fails(
      t,
      'assessments.setMany',
      { controlIds: ids, matching: filter, status: 'partial' },
      'validation',
    );
    await fails(t, 'assessments.setMany', { status: 'partial' }, 'validation');
    // The gap analysis' own filters, less the rows unticked after "select all matching".
    const notYet = await ok(t, 'assessments.controls', { status: 'not_assessed', limit: 1000 });
    const [kept, ...rest] = notYet.items.map((r) => r.control.id);
    const marked = await ok(t, 'assessments.setMany', {
      matching: { status: 'not_assessed', unowned: true },
      except: [kept!],
      status: 'partial',
    });
    expect(marked.items.map((a) => a.controlId).sort()).toEqual([...rest].sort());
    expect(
      (await ok(t, 'assessments.controls', { status: 'not_assessed', limit: 10 })).items.map(
        (r) => r.control.id,
      ),
    ).toEqual([kept]);
    await fails(
      t,
      'assessments.setMany',
      { controlIds: ids, except: ids, status: 'partial' },
      'validation',
    );
  },
  'coverage.get': async (t) => {
    const { items, byRef } = await scoped(t);
    const before = await ok(t, 'coverage.get', {});
    expect(before.criteria).toHaveLength(33);
    expect(before.criteria.every((c) => c.status === 'mapped')).toBe(true);
    // Nothing assessed yet: no gaps (unassessed is not a gap), every control "not assessed yet".
    expect(before.gaps).toEqual([]);
    expect(before.notAssessed.map((c) => c.controlId).sort()).toEqual(
      items.map((c) => c.id).sort(),
    );
    // Implementing every control still leaves criteria "mapped — awaiting evidence", never met.
    await ok(t, 'assessments.setMany', {
      controlIds: items.map((c) => c.id),
      status: 'implemented',
    });
    const after = await ok(t, 'coverage.get', {});
    expect(after.criteria.filter((c) => c.status === 'met')).toEqual([]);
    expect(after.criteria.find((c) => c.id === 'CC6.1')!.reason).toContain(
      'awaiting reviewed evidence',
    );
    expect(after.gaps).toEqual([]);
    expect(after.notAssessed).toEqual([]);
    await ok(t, 'assessments.set', { controlId: byRef('AC-13').id, status: 'not_implemented' });
    const gaps = (await ok(t, 'coverage.get', {})).gaps;
    expect(gaps.map((g) => g.ref)).toEqual(['AC-13']);
  },
  'risks.list': async (t) => {
    await scoped(t);
    const list = await ok(t, 'risks.list', {});
    expect(list.items).toEqual([]);
    expect(list.starters.length).toBeGreaterThanOrEqual(10);
    expect(list.assessedOn).toBeNull();
    // Archived risks (a discarded starter risk among them) only when asked for.
    const kept = await ok(t, 'risks.create', { title: 'Outage', likelihood: 4, impact: 4 });
    const gone = await ok(t, 'risks.create', { title: 'Old', likelihood: 1, impact: 1 });
    await ok(t, 'risks.archive', { id: gone.id, archived: true });
    await ok(t, 'risks.decideStarter', { key: list.starters[0]!.key, accept: false });
    expect((await ok(t, 'risks.list', {})).items.map((r) => r.id)).toEqual([kept.id]);
    const all = (await ok(t, 'risks.list', { includeArchived: true })).items;
    expect(all.map((r) => [r.title, r.archived]).sort()).toEqual(
      [
        ['Outage', false],
        ['Old', true],
        [list.starters[0]!.title, true],
      ].sort(),
    );
    await fails(t, 'risks.list', { includeArchived: 'yes' }, 'validation');
    // One cell of the inherent matrix (the register's filter under the matrices).
    const cell = { kind: 'inherent', likelihood: 4, impact: 4 } as const;
    expect((await ok(t, 'risks.list', { cell })).items.map((r) => r.id)).toEqual([kept.id]);
    await fails(t, 'risks.list', { cell: { ...cell, likelihood: 6 } }, 'validation');
  },
  'risks.create': async (t) => {
    const { byRef } = await scoped(t);
    const r = await ok(t, 'risks.create', {
      title: 'Key person dependency',
      likelihood: 3,
      impact: 4,
      controlIds: [byRef('GOV-07').id],
    });
    expect(r).toMatchObject({ inherentScore: 12, residualScore: 12, treatment: 'mitigate' });
    const error = await fails(
      t,
      'risks.create',
      { title: 'X', likelihood: 6, impact: 1 },
      'validation',
    );
    expect(error.details).toEqual([{ path: ['likelihood'], message: 'Use 1 to 5' }]);
    await fails(
      t,
      'risks.create',
      { title: 'X', likelihood: 1, impact: 1, controlIds: ['ctl_ghost'] },
      'validation',
    );
    // Controls only lower a risk: a residual above the inherent level is refused, by field.
    const above = await fails(
      t,
      'risks.create',
      { title: 'X', likelihood: 2, impact: 3, residualLikelihood: 3 },
      'validation',
    );
    expect(above.details).toEqual([
      { path: ['residualLikelihood'], message: 'At most 2, the inherent likelihood' },
    ]);
  },
  'risks.update': async (t) => {
    await scoped(t);
    const r = await ok(t, 'risks.create', { title: 'Outage', likelihood: 4, impact: 4 });
    const u = await ok(t, 'risks.update', {
      id: r.id,
      patch: { residualLikelihood: 2, residualImpact: 3, treatment: 'mitigate' },
    });
    expect(u).toMatchObject({ inherentScore: 16, residualScore: 6 });
    await fails(t, 'risks.update', { id: 'rsk_nope', patch: { title: 'x' } }, 'not_found');
    const above = await fails(
      t,
      'risks.update',
      { id: r.id, patch: { residualImpact: 5 } },
      'validation',
    );
    expect(above.message).toBe(
      'The residual impact (5) cannot be higher than the inherent impact (4): controls only lower a risk.',
    );
    expect(above.details).toEqual([
      { path: ['patch', 'residualImpact'], message: 'At most 4, the inherent impact' },
    ]);
    // Lowering the inherent level below the residual brings the residual down with it.
    const lower = await ok(t, 'risks.update', { id: r.id, patch: { impact: 2 } });
    expect(lower).toMatchObject({ impact: 2, residualImpact: 2, residualLikelihood: 2 });
    expect(lower.residualScore).toBe(4);
    // Accepting a risk records who (the current person unless named) and when (today).
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    await ok(t, 'people.setCurrent', { id: ana.id });
    const accepted = await ok(t, 'risks.update', { id: r.id, patch: { treatment: 'accept' } });
    expect(accepted.acceptedById).toBe(ana.id);
    const day = Date.parse(`${accepted.acceptedOn}T12:00:00Z`);
    expect(Math.abs(day - Date.now())).toBeLessThan(36 * 3600 * 1000);
    const bo = await ok(t, 'people.create', { name: 'Bo Chen' });
    const byBo = await ok(t, 'risks.update', {
      id: r.id,
      patch: { acceptedById: bo.id, acceptedOn: '2026-02-01' },
    });
    expect(byBo).toMatchObject({ acceptedById: bo.id, acceptedOn: '2026-02-01' });
    // A change to another field keeps them; another treatment clears them.
    expect(
      await ok(t, 'risks.update', { id: r.id, patch: { title: 'Outage (DC1)' } }),
    ).toMatchObject({ acceptedById: bo.id, acceptedOn: '2026-02-01' });
    expect(
      await ok(t, 'risks.update', { id: r.id, patch: { treatment: 'mitigate' } }),
    ).toMatchObject({ acceptedById: null, acceptedOn: null });
    await fails(
      t,
      'risks.update',
      { id: r.id, patch: { treatment: 'accept', acceptedById: 'per_ghost' } },
      'validation',
    );
  },
  'risks.archive': async (t) => {
    await scoped(t);
    const r = await ok(t, 'risks.create', { title: 'Outage', likelihood: 4, impact: 4 });
    expect((await ok(t, 'risks.archive', { id: r.id, archived: true })).archived).toBe(true);
    expect((await ok(t, 'risks.list', {})).items).toEqual([]);
    // Archive is never delete: restoring brings it back as it was.
    const restored = await ok(t, 'risks.archive', { id: r.id, archived: false });
    expect(restored).toMatchObject({ id: r.id, archived: false, inherentScore: 16 });
    expect((await ok(t, 'risks.list', {})).items.map((x) => x.id)).toEqual([r.id]);
    await fails(t, 'risks.archive', { id: 'rsk_ghost', archived: false }, 'not_found');
  },
  'risks.decideStarter': async (t) => {
    await scoped(t);
    const [first, second] = (await ok(t, 'risks.list', {})).starters;
    const accepted = await ok(t, 'risks.decideStarter', { key: first!.key, accept: true });
    expect(accepted.risk).toMatchObject({ title: first!.title, starterKey: first!.key });
    expect(accepted.risk!.controlIds.length).toBeGreaterThan(0);
    expect(await ok(t, 'risks.decideStarter', { key: second!.key, accept: false })).toEqual({
      risk: null,
    });
    const after = await ok(t, 'risks.list', {});
    expect(after.starters.map((s) => s.key)).not.toContain(first!.key);
    expect(after.starters.map((s) => s.key)).not.toContain(second!.key);
    expect(after.items.map((r) => r.starterKey)).toEqual([first!.key]);
    await fails(t, 'risks.decideStarter', { key: first!.key, accept: true }, 'conflict');
  },
  'risks.setAssessedOn': async (t) => {
    await scoped(t);
    expect(await ok(t, 'risks.setAssessedOn', { date: '2026-02-15' })).toEqual({
      assessedOn: '2026-02-15',
    });
    expect((await ok(t, 'vault.info', {})).engagement.riskAssessedOn).toBe('2026-02-15');
  },
  'tasks.list': async (t) => {
    await scoped(t);
    await ok(t, 'tasks.create', { title: 'Old task', dueOn: '2020-01-01' });
    await ok(t, 'tasks.create', {
      title: 'Future task',
      dueOn: '2999-01-01',
      status: 'in_progress',
    });
    expect((await ok(t, 'tasks.list', { overdueOnly: true })).items.map((x) => x.title)).toEqual([
      'Old task',
    ]);
    expect(
      (await ok(t, 'tasks.list', { status: 'in_progress' })).items.map((x) => x.title),
    ).toEqual(['Future task']);
    const old = (await ok(t, 'tasks.list', { overdueOnly: true })).items[0]!;
    await ok(t, 'tasks.archive', { id: old.id, archived: true });
    expect((await ok(t, 'tasks.list', {})).items.map((x) => x.title)).toEqual(['Future task']);
    const all = (await ok(t, 'tasks.list', { includeArchived: true })).items;
    expect(all.map((x) => [x.title, x.archived]).sort()).toEqual([
      ['Future task', false],
      ['Old task', true],
    ]);
    await fails(t, 'tasks.list', { includeArchived: 1 }, 'validation');
    // "No owner": the tasks nobody owns (the one not archived), never a person called "none".
    expect((await ok(t, 'tasks.list', { unowned: true })).total).toBe(1);
    await fails(t, 'tasks.list', { ownerId: 'none' }, 'validation');
  },
  'tasks.create': async (t) => {
    const { byRef } = await scoped(t);
    const task = await ok(t, 'tasks.create', {
      title: 'Write the incident plan',
      controlIds: [byRef('INC-01').id],
      priority: 'high',
    });
    expect(task).toMatchObject({ ref: 'T-001', status: 'todo', priority: 'high', overdue: false });
    await fails(t, 'tasks.create', { title: '' }, 'validation');
  },
  'tasks.update': async (t) => {
    await scoped(t);
    const task = await ok(t, 'tasks.create', { title: 'A' });
    const done = await ok(t, 'tasks.update', { id: task.id, patch: { status: 'done' } });
    expect(done.completedOn).toMatch(/^\d{4}-/);
    await fails(t, 'tasks.update', { id: task.id, patch: { ownerId: 'per_ghost' } }, 'validation');
  },
  'tasks.move': async (t) => {
    await scoped(t);
    const a = await ok(t, 'tasks.create', { title: 'A' });
    const b = await ok(t, 'tasks.create', { title: 'B' });
    const c = await ok(t, 'tasks.create', { title: 'C', status: 'in_progress' });
    await ok(t, 'tasks.move', { id: c.id, status: 'todo', beforeId: a.id });
    // In board order (the status sort keeps each column's own order).
    const board = async (status: 'todo' | 'blocked') =>
      (await ok(t, 'tasks.list', { status, sort: { key: 'status', dir: 'asc' } })).items.map(
        (x) => x.title,
      );
    expect(await board('todo')).toEqual(['C', 'A', 'B']);
    await ok(t, 'tasks.move', { id: a.id, status: 'blocked' });
    expect(await board('blocked')).toEqual(['A']);
    await fails(t, 'tasks.move', { id: b.id, status: 'todo', beforeId: a.id }, 'not_found');
  },
  'tasks.archive': async (t) => {
    await scoped(t);
    const task = await ok(t, 'tasks.create', { title: 'A' });
    await ok(t, 'tasks.archive', { id: task.id, archived: true });
    expect((await ok(t, 'tasks.list', {})).items).toEqual([]);
    const restored = await ok(t, 'tasks.archive', { id: task.id, archived: false });
    expect(restored).toMatchObject({ id: task.id, ref: 'T-001', archived: false });
    expect((await ok(t, 'tasks.list', {})).items.map((x) => x.id)).toEqual([task.id]);
    await fails(t, 'tasks.archive', { id: 'tsk_ghost', archived: false }, 'not_found');
  },
  'tasks.proposals': async (t) => {
    const { byRef } = await scoped(t);
    expect((await ok(t, 'tasks.proposals', {})).items).toEqual([]); // nothing assessed yet
    await ok(t, 'assessments.set', { controlId: byRef('AC-02').id, status: 'not_implemented' });
    await ok(t, 'assessments.set', { controlId: byRef('AC-06').id, status: 'partial' });
    const first = (await ok(t, 'tasks.proposals', {})).items;
    expect(first.map((p) => p.ref).sort()).toEqual(['AC-02', 'AC-06']);
    expect(first.find((p) => p.ref === 'AC-02')!.title).toMatch(/^Implement AC-02/);
    // Proposing again gives the same list; nothing is created by looking.
    expect((await ok(t, 'tasks.proposals', {})).items).toEqual(first);
    expect((await ok(t, 'tasks.list', {})).items).toEqual([]);
  },
  'tasks.decideProposal': async (t) => {
    const { byRef } = await scoped(t);
    for (const ref of ['AC-02', 'AC-06'])
      await ok(t, 'assessments.set', { controlId: byRef(ref).id, status: 'not_implemented' });
    const accepted = await ok(t, 'tasks.decideProposal', {
      controlId: byRef('AC-02').id,
      accept: true,
      edits: { dueOn: '2026-09-30' },
    });
    expect(accepted.task).toMatchObject({
      fromGapControlId: byRef('AC-02').id,
      dueOn: '2026-09-30',
      controlIds: [byRef('AC-02').id],
    });
    await ok(t, 'tasks.decideProposal', { controlId: byRef('AC-06').id, accept: false });
    expect((await ok(t, 'tasks.proposals', {})).items).toEqual([]);
    // Twice creates no duplicate.
    await fails(
      t,
      'tasks.decideProposal',
      { controlId: byRef('AC-02').id, accept: true },
      'conflict',
    );
    expect((await ok(t, 'tasks.list', {})).items).toHaveLength(1);
  },
  'tasks.acceptProposals': async (t) => {
    const { byRef } = await scoped(t);
    const refs = ['AC-02', 'AC-06', 'AC-13'];
    for (const ref of refs)
      await ok(t, 'assessments.set', { controlId: byRef(ref).id, status: 'not_implemented' });
    const [a, b, c] = refs.map((ref) => byRef(ref).id) as [string, string, string];
    // Field-level refusals: none chosen, one listed twice, not a control id.
    const none = await fails(t, 'tasks.acceptProposals', { controlIds: [] }, 'validation');
    expect(none.details).toEqual([
      { path: ['controlIds'], message: 'Choose at least one proposed task' },
    ]);
    const twice = await fails(t, 'tasks.acceptProposals', { controlIds: [a, b, a] }, 'validation');
    expect(twice.details).toEqual([{ path: ['controlIds', '2'], message: 'Listed twice' }]);
    await fails(t, 'tasks.acceptProposals', { controlIds: ['AC-02'] }, 'validation');
    // All or nothing: one already decided refuses the batch and creates no task.
    await ok(t, 'tasks.decideProposal', { controlId: c, accept: false });
    const refused = await fails(t, 'tasks.acceptProposals', { controlIds: [a, c] }, 'conflict');
    expect(refused.details).toEqual({ controlIds: [c] });
    expect((await ok(t, 'tasks.list', {})).items).toEqual([]);
    // The rest at once, in the order given, each as proposed.
    const { items } = await ok(t, 'tasks.acceptProposals', { controlIds: [b, a] });
    expect(items.map((x) => [x.ref, x.fromGapControlId, x.title.slice(0, 15)])).toEqual([
      ['T-001', b, 'Implement AC-06'],
      ['T-002', a, 'Implement AC-02'],
    ]);
    expect((await ok(t, 'tasks.proposals', {})).items).toEqual([]);
    await fails(t, 'tasks.acceptProposals', { controlIds: [a] }, 'conflict');
    expect((await ok(t, 'tasks.list', {})).items).toHaveLength(2);
  },
  'tasks.export': async (t) => {
    await scoped(t);
    await ok(t, 'tasks.create', { title: '=cmd|calc', description: 'multi\nline, "quoted"' });
    for (const format of ['csv', 'xlsx'] as const) {
      const { result, bytes } = await exported(t, 'tasks.export', { format });
      // A chosen path names the file; a download keeps the name Attest gives it.
      if (!result.savedTo)
        expect(result.fileName).toMatch(new RegExp(`^Remediation-Plan_.*\\.${format}$`));
      expect(result.size).toBe(bytes.length);
      if (format === 'csv') expect(bytes.toString('utf8')).toContain(`'=cmd|calc`);
    }
    expect((await ok(t, 'vault.info', {})).counts.blobs).toBe(0);
  },
} satisfies Record<string, Case>;

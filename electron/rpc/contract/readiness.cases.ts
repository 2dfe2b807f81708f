import { expect } from 'vitest';
import type { ReadinessView } from '../../../shared/api/readiness';
import { addDays } from '../../../shared/domain/calendar';
import { type Case, exported, fails, scopedVault, ok } from './harness';

const findingsOf = (r: ReadinessView, rule: string) => r.findings.filter((f) => f.rule === rule);

export const readinessCases = {
  'readiness.get': async (t) => {
    await scopedVault(t);
    const controls = (await ok(t, 'controls.list', { limit: 1000 })).items;
    const first = await ok(t, 'readiness.get', {});
    // Nothing is evidenced yet: every in-scope criterion is a blocking finding, listed first.
    expect(first.blocked).toBe(true);
    expect(findingsOf(first, 'criterion_met')).toHaveLength(33);
    expect(first.findings[0]!.severity).toBe('blocking');
    expect(first.counts.blocking).toBe(
      first.findings.filter((f) => f.severity === 'blocking').length,
    );
    expect(first.percentPassing).toBeLessThan(100);
    expect(first.byRule.reduce((n, r) => n + r.checks, 0)).toBe(first.checks);
    expect(findingsOf(first, 'control_assessed')).toHaveLength(controls.length);

    // A control assessed as not implemented is a gap: without a task, a finding; with one, not.
    const ac13 = controls.find((c) => c.ref === 'AC-13')!;
    await ok(t, 'assessments.set', { controlId: ac13.id, status: 'not_implemented' });
    const gap = await ok(t, 'readiness.get', {});
    expect(findingsOf(gap, 'gap_has_task').map((f) => f.target)).toEqual([
      { screen: 'control', id: ac13.id },
    ]);
    expect(findingsOf(gap, 'control_assessed')).toHaveLength(controls.length - 1);
    await ok(t, 'tasks.create', { title: 'Build AC-13', controlIds: [ac13.id] });
    expect(findingsOf(await ok(t, 'readiness.get', {}), 'gap_has_task')).toEqual([]);

    // Naming an owner clears that control's owner finding, and nothing else moves.
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    const before = findingsOf(await ok(t, 'readiness.get', {}), 'control_owner').length;
    await ok(t, 'controls.update', { id: ac13.id, patch: { ownerId: ana.id } });
    const after = await ok(t, 'readiness.get', {});
    expect(findingsOf(after, 'control_owner')).toHaveLength(before - 1);
    expect(after.evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  },
  'readiness.timelines': async (t) => {
    await scopedVault(t);
    const controls = (await ok(t, 'controls.list', { limit: 1000 })).items;
    const view = await ok(t, 'readiness.timelines', {});
    expect(view).toMatchObject({
      reportType: 'type2',
      period: { start: '2026-01-01', end: '2026-06-30' },
    });
    // Every control in scope, none evidenced yet: no window reviewed, no self-test, no deviation.
    expect(view.controls.map((c) => c.ref)).toEqual(controls.map((c) => c.ref));
    const states = new Set(view.controls.flatMap((c) => c.windows.map((w) => w.state)));
    expect(states.has('reviewed')).toBe(false);
    expect(view.controls.every((c) => c.selfTest === null && c.openDeviations === 0)).toBe(true);
    const quarterly = view.controls.find((c) => c.frequency === 'quarterly')!;
    expect(quarterly.windows.map((w) => w.label)).toEqual(['Q1 2026', 'Q2 2026']);
  },
  'readiness.agenda': async (t) => {
    await scopedVault(t);
    const { today, until } = await ok(t, 'readiness.agenda', {});
    expect(until).toBe(addDays(today, 6));
    const late = await ok(t, 'tasks.create', { title: 'Late', dueOn: addDays(today, -1) });
    const soon = await ok(t, 'tasks.create', { title: 'Soon', dueOn: addDays(today, 2) });
    await ok(t, 'tasks.create', { title: 'Later', dueOn: addDays(today, 30) });
    const agenda = await ok(t, 'readiness.agenda', {});
    const tasks = (items: typeof agenda.overdue) => items.filter((i) => i.kind === 'task');
    expect(tasks(agenda.overdue)).toEqual([
      expect.objectContaining({
        object: late.ref,
        overdue: true,
        target: { screen: 'task', id: late.id },
      }),
    ]);
    expect(tasks(agenda.dueSoon).map((i) => i.object)).toEqual([soon.ref]);
    expect(agenda.samplesToTest).toEqual([]);
  },
  'readiness.report': async (t) => {
    await scopedVault(t);
    const { result, bytes } = await exported(t, 'readiness.report', {});
    // A download is named for the engagement and date; a saved file keeps the name chosen.
    if (result.download)
      expect(result.fileName).toMatch(/_readiness-report_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.size).toBe(bytes.length);
  },
  'readiness.freeze': async (t) => {
    await scopedVault(t);
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    const now = await ok(t, 'readiness.get', {});
    const frozen = await ok(t, 'readiness.freeze', {
      signedOffById: ana.id,
      comment: '  First look before the auditor’s call  ',
    });
    // The snapshot holds the review's figures as they were, and who signed it off.
    expect(frozen.ref).toBe('RV-1');
    expect(frozen.signedOffBy).toEqual({ id: ana.id, name: 'Ana Lima' });
    expect(frozen.comment).toBe('First look before the auditor’s call');
    expect(frozen.evaluatedOn).toBe(now.evaluatedOn);
    expect(frozen.figures).toMatchObject({
      blocked: now.blocked,
      blocking: now.counts.blocking,
      checks: now.checks,
      percentPassing: now.percentPassing,
    });
    expect(frozen.chainHead.seq).toBeGreaterThan(0);
    expect(frozen.chainHead.hash).toMatch(/^[0-9a-f]{64}$/);
    // Someone must sign it off: not a stranger, not an archived person.
    await fails(t, 'readiness.freeze', { signedOffById: 'per_nobody' }, 'validation');
    await fails(t, 'readiness.freeze', { comment: 'no one' }, 'validation');
    await ok(t, 'people.archive', { id: ana.id, archived: true });
    await fails(t, 'readiness.freeze', { signedOffById: ana.id }, 'validation');
  },
  'readiness.snapshots': async (t) => {
    await scopedVault(t);
    expect((await ok(t, 'readiness.snapshots', {})).items).toEqual([]);
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    const first = await ok(t, 'readiness.freeze', { signedOffById: ana.id });
    const second = await ok(t, 'readiness.freeze', { signedOffById: ana.id, comment: 'Again' });
    const { items } = await ok(t, 'readiness.snapshots', {});
    // Newest first; each anchors the chain as it was, the later one further along it.
    expect(items.map((s) => s.ref)).toEqual(['RV-2', 'RV-1']);
    expect(items[1]).toEqual(first);
    expect(items[0]).toEqual(second);
    expect(second.chainHead.seq).toBeGreaterThan(first.chainHead.seq);
  },
  'readiness.snapshot': async (t) => {
    await scopedVault(t);
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    const before = await ok(t, 'readiness.get', {});
    const frozen = await ok(t, 'readiness.freeze', { signedOffById: ana.id });
    // A later change moves today's review, not the frozen one.
    const controls = (await ok(t, 'controls.list', { limit: 1000 })).items;
    await ok(t, 'controls.update', { id: controls[0]!.id, patch: { ownerId: ana.id } });
    const full = await ok(t, 'readiness.snapshot', { id: frozen.id });
    expect(full.readiness).toEqual(before);
    expect(full.criteria).toHaveLength(33);
    expect(full.criteria.every((c) => c.status !== 'met')).toBe(true);
    await fails(t, 'readiness.snapshot', { id: 'rvw_missing' }, 'not_found');
    await fails(t, 'readiness.snapshot', { id: '../etc' }, 'validation');
  },
  'readiness.compare': async (t) => {
    await scopedVault(t);
    const ana = await ok(t, 'people.create', { name: 'Ana Lima' });
    const controls = (await ok(t, 'controls.list', { limit: 1000 })).items;
    const [a, b] = controls;
    await ok(t, 'controls.update', { id: a!.id, patch: { ownerId: ana.id } });
    const first = await ok(t, 'readiness.freeze', { signedOffById: ana.id });
    // One owner named (improved), one taken away (regressed).
    await ok(t, 'controls.update', { id: b!.id, patch: { ownerId: ana.id } });
    await ok(t, 'controls.update', { id: a!.id, patch: { ownerId: null } });
    const second = await ok(t, 'readiness.freeze', { signedOffById: ana.id });
    const cmp = await ok(t, 'readiness.compare', { fromId: first.id, toId: second.id });
    const owner = (fs: { rule: string; target: { screen: string; id?: string } }[]) =>
      fs.filter((f) => f.rule === 'control_owner').map((f) => f.target);
    expect(owner(cmp.improved)).toEqual([{ screen: 'control', id: b!.id }]);
    expect(owner(cmp.regressed)).toEqual([{ screen: 'control', id: a!.id }]);
    expect(cmp.figures.checks).toEqual({ from: first.figures.checks, to: second.figures.checks });
    expect(cmp.from.ref).toBe('RV-1');
    // Picked the other way round, the earlier review is still the one compared from.
    expect(await ok(t, 'readiness.compare', { fromId: second.id, toId: first.id })).toEqual(cmp);
    // Without a later one: against today's review (nothing changed since the second).
    const today = await ok(t, 'readiness.compare', { fromId: second.id });
    expect(today.to.id).toBe('current');
    expect(today.improved).toEqual([]);
    expect(today.regressed).toEqual([]);
    await fails(t, 'readiness.compare', { fromId: 'rvw_missing' }, 'not_found');
  },
} satisfies Record<string, Case>;

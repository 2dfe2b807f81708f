import { expect } from 'vitest';
import type { ReadinessView } from '../../../shared/api/readiness';
import { addDays } from '../../../shared/domain/calendar';
import { type Case, exported, freshVault, ok } from './harness';

const findingsOf = (r: ReadinessView, rule: string) => r.findings.filter((f) => f.rule === rule);

export const readinessCases = {
  'readiness.get': async (t) => {
    await freshVault(t);
    await ok(t, 'scope.confirm', {});
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
  'readiness.agenda': async (t) => {
    await freshVault(t);
    await ok(t, 'scope.confirm', {});
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
    await freshVault(t);
    await ok(t, 'scope.confirm', {});
    const { result, bytes } = await exported(t, 'readiness.report', {});
    // A download is named for the engagement and date; a saved file keeps the name chosen.
    if (result.download)
      expect(result.fileName).toMatch(/_readiness-report_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.size).toBe(bytes.length);
  },
} satisfies Record<string, Case>;

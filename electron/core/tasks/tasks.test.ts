import { describe, expect, it } from 'vitest';
import { listControlRows } from '../../db/repos/controls';
import { taskCounts } from '../../db/repos/gaps';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { assessControl } from '../gaps/assessments';
import { archiveRisk, createRisk, listRisks } from '../risks/risks';
import type { Vault } from '../vault/session';
import { verifyVault } from '../vault/verify';
import {
  acceptProposals,
  archiveTask,
  createTask,
  dismissProposal,
  listTasks,
  proposeTasks,
} from './tasks';
import { refusal } from '../../testing/refusal';

/** A scoped vault with three controls assessed as gaps: three proposals. */
async function withGaps() {
  const vault = await newScopedTestVault(tempDir());
  const ids = listControlRows(vault.db)
    .slice(0, 3)
    .map((c) => c.id);
  for (const controlId of ids) assessControl(vault, { controlId, status: 'not_implemented' });
  return { vault, ids: ids as [string, string, string] };
}

const entries = (vault: Vault, entity: string) =>
  vault.db.sqlite
    .prepare(`SELECT action, entity_id FROM audit_event WHERE entity = ? ORDER BY seq`)
    .all(entity) as { action: string; entity_id: string }[];

describe('accepting proposed tasks in a batch', () => {
  it('creates one audited task per proposal, as proposed, in one go', async () => {
    const { vault, ids } = await withGaps();
    const proposals = proposeTasks(vault);
    const tasks = acceptProposals(vault, [ids[2], ids[0]]);
    expect(tasks.map((t) => [t.ref, t.fromGapControlId])).toEqual([
      ['T-001', ids[2]],
      ['T-002', ids[0]],
    ]);
    const proposed = proposals.find((p) => p.controlId === ids[2])!;
    expect(tasks[0]).toMatchObject({
      title: proposed.title,
      description: proposed.description,
      priority: proposed.priority,
      ownerId: proposed.suggestedOwnerId,
      controlIds: [ids[2]],
      status: 'todo',
    });
    expect(tasks[1]!.boardOrder).toBeGreaterThan(tasks[0]!.boardOrder);
    expect(proposeTasks(vault).map((p) => p.controlId)).toEqual([ids[1]]);
    expect(entries(vault, 'task')).toEqual(
      tasks.map((t) => ({ action: 'create', entity_id: t.id })),
    );
    expect((await verifyVault(vault)).ok).toBe(true);
  });

  it('refuses the whole batch when one proposal was decided meanwhile, or is listed twice', async () => {
    const { vault, ids } = await withGaps();
    dismissProposal(vault, ids[1]);
    const conflict = refusal(() => acceptProposals(vault, ids));
    expect(conflict.code).toBe('conflict');
    expect(conflict.details).toEqual({ controlIds: [ids[1]] });
    expect(listTasks(vault)).toEqual([]);
    expect(entries(vault, 'task')).toEqual([]);
    const twice = refusal(() => acceptProposals(vault, [ids[0], ids[0]]));
    expect([twice.code, twice.details]).toEqual([
      'validation',
      [{ path: ['controlIds'], message: 'Listed twice' }],
    ]);
    expect(refusal(() => acceptProposals(vault, ['ctl_ghost'])).code).toBe('conflict');
    expect(acceptProposals(vault, [ids[0], ids[2]])).toHaveLength(2);
  });
});

describe('archived tasks and risks', () => {
  it('are listed only when asked for, and restored as they were (each change audited)', async () => {
    const { vault } = await withGaps();
    const keep = createTask(vault, { title: 'Keep' });
    const old = createTask(vault, { title: 'Old', dueOn: '2020-01-01' });
    archiveTask(vault, old.id, true);
    expect(listTasks(vault).map((t) => t.title)).toEqual(['Keep']);
    const all = listTasks(vault, { includeArchived: true });
    expect(all.map((t) => [t.title, t.archived])).toEqual([
      ['Keep', false],
      ['Old', true],
    ]);
    // The other filters still apply to archived tasks.
    expect(listTasks(vault, { includeArchived: true, overdueOnly: true }).map((t) => t.id)).toEqual(
      [old.id],
    );
    expect(archiveTask(vault, old.id, false)).toMatchObject({ archived: false, ref: old.ref });
    expect(listTasks(vault).map((t) => t.id)).toEqual([keep.id, old.id]);
    // Restoring what is not archived changes nothing and logs nothing.
    archiveTask(vault, old.id, false);
    expect(entries(vault, 'task').filter((e) => e.entity_id === old.id)).toEqual([
      { action: 'create', entity_id: old.id },
      { action: 'archive', entity_id: old.id },
      { action: 'restore', entity_id: old.id },
    ]);

    const risk = createRisk(vault, { title: 'Outage', likelihood: 4, impact: 3 });
    archiveRisk(vault, risk.id, true);
    expect(listRisks(vault)).toEqual([]);
    expect(listRisks(vault, true).map((r) => [r.id, r.archived])).toEqual([[risk.id, true]]);
    expect(archiveRisk(vault, risk.id, false)).toMatchObject({
      archived: false,
      inherentScore: 12,
    });
    expect(listRisks(vault).map((r) => r.id)).toEqual([risk.id]);
    expect(entries(vault, 'risk').map((e) => e.action)).toEqual(['create', 'archive', 'restore']);
    expect((await verifyVault(vault)).ok).toBe(true);
  });
});

describe('task counts for the readiness report', () => {
  it('counts active tasks open, overdue as of the day, and done, leaving archived ones out', async () => {
    const vault = await newScopedTestVault(tempDir());
    const today = '2026-03-10';
    createTask(vault, { title: 'Past due', dueOn: '2026-03-09' });
    createTask(vault, { title: 'Due today', dueOn: today });
    createTask(vault, { title: 'No date' });
    createTask(vault, { title: 'Done late', dueOn: '2026-01-01', status: 'done' });
    const gone = createTask(vault, { title: 'Archived, past due', dueOn: '2026-01-01' });
    archiveTask(vault, gone.id, true);
    expect(taskCounts(vault.db, today)).toEqual({ open: 3, overdue: 1, done: 1 });
    const empty = await newScopedTestVault(tempDir());
    expect(taskCounts(empty.db, today)).toEqual({ open: 0, overdue: 0, done: 0 });
  });
});

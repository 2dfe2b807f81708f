import { describe, expect, it } from 'vitest';
import type { AuditChangeView } from '../../../shared/api/audit';
import { listControlRows } from '../../db/repos/controls';
import { tempDir } from '../../testing/tmp';
import { newScopedTestVault } from '../../testing/vaults';
import { createPerson, updatePersonDetails } from '../people/people';
import { updateControl } from '../scope/controls';
import { createTask, moveTask } from '../tasks/tasks';
import { closeVault } from '../vault/session';
import { NOT_RECORDED, auditHistory, detailsOf, fieldWords } from './history';

describe('the history tells what an entry recorded in words', () => {
  it('names fields as words, not as the API spells them', () => {
    expect(fieldWords('ownerId')).toBe('owner');
    expect(fieldWords('controlIds')).toBe('controls');
    expect(fieldWords('residualImpact')).toBe('residual impact');
    expect(fieldWords('review_on')).toBe('review on');
    expect(fieldWords('title')).toBe('title');
  });

  it('shows lists as their values, people and records by name, and nothing as "none"', () => {
    const labels = new Map([
      ['per_1', 'Priya Raman'],
      ['ctl_1', 'AC-01 Single sign-on'],
      ['ctl_2', 'AC-02 MFA'],
    ]);
    expect(
      detailsOf(
        JSON.stringify({ ownerId: 'per_1', controlIds: ['ctl_1', 'ctl_2'], tags: [], note: null }),
        labels,
      ),
    ).toBe('owner: Priya Raman, controls: AC-01 Single sign-on; AC-02 MFA, tags: none, note: —');
  });

  it('names the fields an edit lists instead of values, in words', () => {
    expect(detailsOf(JSON.stringify(['rootCause', 'managementResponse']))).toBe(
      'changed: root cause, management response',
    );
    // A list of values stays a list of values.
    expect(detailsOf(JSON.stringify(['CC6.1', 'CC6.2']))).toBe('CC6.1; CC6.2');
  });

  it('shortens long values and the whole line', () => {
    const long = 'x'.repeat(100);
    expect(detailsOf(JSON.stringify({ description: long }))).toBe(
      `description: ${'x'.repeat(57)}…`,
    );
    expect(
      detailsOf(
        JSON.stringify(
          Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`field${i}`, long])),
        ),
      ).length,
    ).toBe(240);
  });
});

describe('an edit shows the value before it, from the record’s earlier entries', () => {
  async function scoped() {
    const vault = await newScopedTestVault(tempDir());
    const ana = createPerson(vault, { name: 'Ana Lima' });
    const ben = createPerson(vault, { name: 'Ben Ortiz' });
    const [first, second] = listControlRows(vault.db, { includeArchived: false }).slice(0, 2);
    return { vault, ana, ben, first: first!, second: second! };
  }
  const ownerChange = (e: { changes: AuditChangeView[] }) =>
    e.changes.find((c) => c.field === 'owner');

  it('gives two edits of the same field before → after, names in words', async () => {
    const { vault, ana, ben, first } = await scoped();
    updateControl(vault, first.id, { ownerId: ana.id });
    updateControl(vault, first.id, { ownerId: ben.id });
    const [latest, earlier] = auditHistory(vault, { entityId: first.id, limit: 2 }).items;
    expect(ownerChange(latest!)).toEqual({
      field: 'owner',
      before: 'Ana Lima',
      after: 'Ben Ortiz',
    });
    expect(latest!.details).toBe('owner: Ana Lima → Ben Ortiz');
    // The first owner the log records for this control: nothing earlier named one.
    expect(ownerChange(earlier!)).toEqual({ field: 'owner', before: null, after: 'Ana Lima' });
    expect(earlier!.details).toBe(`owner: ${NOT_RECORDED} → Ana Lima`);
    closeVault(vault);
  });

  it('never mixes in another record’s edit of the same field', async () => {
    const { vault, ana, ben, first, second } = await scoped();
    updateControl(vault, first.id, { ownerId: ana.id });
    updateControl(vault, second.id, { ownerId: ben.id });
    const [latest] = auditHistory(vault, { limit: 1 }).items;
    expect(latest!.entityId).toBe(second.id);
    expect(ownerChange(latest!)).toEqual({ field: 'owner', before: null, after: 'Ben Ortiz' });
    closeVault(vault);
  });

  it('keeps the value before across a page boundary', async () => {
    const { vault } = await scoped();
    const cy = createPerson(vault, { name: 'Cy Ng', team: 'Engineering' });
    updatePersonDetails(vault, cy.id, { team: 'Platform' });
    updatePersonDetails(vault, cy.id, { role: 'CTO' });
    updatePersonDetails(vault, cy.id, { team: 'Security' });
    const pages: AuditChangeView[][] = [];
    let cursor: string | undefined;
    do {
      const page = auditHistory(vault, {
        entityId: cy.id,
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      pages.push(...page.items.map((e) => e.changes));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([
      [{ field: 'team', before: 'Platform', after: 'Security' }],
      // Created with no role: the empty text recorded then reads as nothing.
      [{ field: 'role', before: '—', after: 'CTO' }],
      [{ field: 'team', before: 'Engineering', after: 'Platform' }],
      [
        { field: 'email', after: '—' },
        { field: 'name', after: 'Cy Ng' },
        { field: 'role', after: '—' },
        { field: 'team', after: 'Engineering' },
      ],
    ]);
    closeVault(vault);
  });

  it('gives a note about the change no before, only a stored field', async () => {
    const { vault } = await scoped();
    const task = createTask(vault, { title: 'Write the runbook', status: 'todo' });
    moveTask(vault, task.id, 'in_progress', null);
    const [moved] = auditHistory(vault, { entityId: task.id, limit: 1 }).items;
    // The column is stored; where the card was dropped on the board is not a value of the task.
    expect(moved!.changes).toEqual([
      { field: 'before', after: '—' },
      { field: 'status', before: 'todo', after: 'in_progress' },
    ]);
    closeVault(vault);
  });
});

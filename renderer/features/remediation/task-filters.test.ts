import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/api/tasks';
import { filterTasks } from './task-filters';

const t = (ref: string, over: Partial<Task>): Task =>
  ({
    id: ref,
    ref,
    ownerId: null,
    dueOn: null,
    priority: 'medium',
    status: 'todo',
    overdue: false,
    ...over,
  }) as Task;

const tasks = [
  t('T-010', { dueOn: '2026-05-31', overdue: true, ownerId: 'per_a' }),
  t('T-002', { dueOn: null, status: 'done' }),
  t('T-003', { dueOn: '2026-09-30', priority: 'high', ownerId: 'per_a' }),
];
const refs = (list: Task[]) => list.map((x) => x.ref);
const none = { status: null, owner: null, overdueOnly: false };

describe('filterTasks', () => {
  it('sorts by due date with undated last, and by reference numerically', () => {
    expect(refs(filterTasks(tasks, none, { key: 'due', dir: 'asc' }))).toEqual([
      'T-010',
      'T-003',
      'T-002',
    ]);
    expect(refs(filterTasks(tasks, none, { key: 'ref', dir: 'asc' }))).toEqual([
      'T-002',
      'T-003',
      'T-010',
    ]);
  });

  it('filters by status, owner and overdue', () => {
    const sort = { key: 'ref' as const, dir: 'asc' as const };
    expect(refs(filterTasks(tasks, { ...none, status: 'done' }, sort))).toEqual(['T-002']);
    expect(refs(filterTasks(tasks, { ...none, owner: 'per_a' }, sort))).toEqual(['T-003', 'T-010']);
    expect(refs(filterTasks(tasks, { ...none, owner: 'none' }, sort))).toEqual(['T-002']);
    expect(refs(filterTasks(tasks, { ...none, overdueOnly: true }, sort))).toEqual(['T-010']);
  });
});

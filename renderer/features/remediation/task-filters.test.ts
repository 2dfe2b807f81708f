import { describe, expect, it } from 'vitest';
import { NO_OWNER } from '../../components/owner-filter';
import { taskListInput } from './task-filters';

const none = { status: null, owner: null, overdueOnly: false };
const byDue = { key: 'dueOn', dir: 'asc' } as const;

describe('taskListInput', () => {
  it('sends only the filters that are set, and the order', () => {
    expect(taskListInput(none, byDue, false)).toEqual({ sort: byDue, includeArchived: false });
    expect(
      taskListInput({ status: 'done', owner: 'per_a', overdueOnly: true }, byDue, true),
    ).toEqual({
      sort: byDue,
      includeArchived: true,
      status: 'done',
      ownerId: 'per_a',
      overdueOnly: true,
    });
  });

  it('asks for the tasks nobody owns when "No owner" is chosen, never for a person "none"', () => {
    const q = taskListInput({ ...none, owner: NO_OWNER }, byDue, false);
    expect(q.unowned).toBe(true);
    expect(q.ownerId).toBeUndefined();
  });
});

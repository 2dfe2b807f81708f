import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/api/tasks';
import { applyMove, boardColumns, moveAcross, moveToIndex, moveWithin } from './board';

const task = (ref: string, status: Task['status'], boardOrder: number): Task => ({
  id: `tsk_${ref.toLowerCase().replace('-', '')}`,
  ref,
  title: ref,
  description: '',
  ownerId: null,
  dueOn: null,
  priority: 'medium',
  status,
  controlIds: [],
  fromGapControlId: null,
  boardOrder,
  completedOn: null,
  overdue: false,
  archived: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const tasks = [
  task('T-1', 'todo', 1),
  task('T-2', 'todo', 2),
  task('T-3', 'todo', 3),
  task('T-4', 'in_progress', 1),
  task('T-5', 'done', 1),
];
const refs = (list: Task[]) => list.map((t) => t.ref);

describe('board ordering', () => {
  it('groups tasks into the four columns in board order', () => {
    const columns = boardColumns([...tasks].reverse());
    expect(refs(columns.todo)).toEqual(['T-1', 'T-2', 'T-3']);
    expect(refs(columns.in_progress)).toEqual(['T-4']);
    expect(columns.blocked).toEqual([]);
  });

  it('turns a drop position into "before which task"', () => {
    expect(moveToIndex(tasks, 'tsk_t4', 'todo', 0)).toEqual({
      id: 'tsk_t4',
      status: 'todo',
      beforeId: 'tsk_t1',
    });
    expect(moveToIndex(tasks, 'tsk_t4', 'todo', 3).beforeId).toBeNull();
    // Within its own column the moving task does not count.
    expect(moveToIndex(tasks, 'tsk_t1', 'todo', 1).beforeId).toBe('tsk_t3');
  });

  it('moves across columns with Alt+arrows, stopping at the edges', () => {
    expect(moveAcross(tasks, 'tsk_t1', 1)).toEqual({
      id: 'tsk_t1',
      status: 'in_progress',
      beforeId: null,
    });
    expect(moveAcross(tasks, 'tsk_t4', -1)?.status).toBe('todo');
    expect(moveAcross(tasks, 'tsk_t1', -1)).toBeNull();
    expect(moveAcross(tasks, 'tsk_t5', 1)).toBeNull();
  });

  it('moves up and down within a column', () => {
    expect(moveWithin(tasks, 'tsk_t3', -1)).toEqual({
      id: 'tsk_t3',
      status: 'todo',
      beforeId: 'tsk_t2',
    });
    expect(moveWithin(tasks, 'tsk_t1', 1)).toEqual({
      id: 'tsk_t1',
      status: 'todo',
      beforeId: 'tsk_t3',
    });
    expect(moveWithin(tasks, 'tsk_t2', 1)?.beforeId).toBeNull();
    expect(moveWithin(tasks, 'tsk_t1', -1)).toBeNull();
    expect(moveWithin(tasks, 'tsk_t3', 1)).toBeNull();
  });

  it('applies a move the way Attest stores it', () => {
    const up = boardColumns(applyMove(tasks, { id: 'tsk_t3', status: 'todo', beforeId: 'tsk_t1' }));
    expect(refs(up.todo)).toEqual(['T-3', 'T-1', 'T-2']);
    const across = boardColumns(
      applyMove(tasks, { id: 'tsk_t2', status: 'in_progress', beforeId: null }),
    );
    expect(refs(across.todo)).toEqual(['T-1', 'T-3']);
    expect(refs(across.in_progress)).toEqual(['T-4', 'T-2']);
    const between = boardColumns(
      applyMove(tasks, { id: 'tsk_t5', status: 'todo', beforeId: 'tsk_t3' }),
    );
    expect(refs(between.todo)).toEqual(['T-1', 'T-2', 'T-5', 'T-3']);
  });
});

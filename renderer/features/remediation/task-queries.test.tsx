// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/api/index';
import type { Task, TaskProposal } from '../../../shared/api/tasks';
import { readsOf } from '../../api/queries';
import { useVault } from '../vault/store';
import { fakeClient, openVault, withApi } from '../../api/testing/fake-client';
import { useProposals, useTaskActions, useTasks } from './task-queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const task = (id: string, ref: string, boardOrder: number, extra: Partial<Task> = {}): Task => ({
  id,
  ref,
  title: `Task ${ref}`,
  description: '',
  ownerId: null,
  dueOn: null,
  priority: 'medium',
  status: 'todo',
  controlIds: [],
  fromGapControlId: null,
  boardOrder,
  completedOn: null,
  overdue: false,
  archived: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...extra,
});

const proposal = (controlId: string): TaskProposal => ({
  controlId,
  ref: controlId.toUpperCase(),
  title: `Implement ${controlId}`,
  description: '',
  suggestedOwnerId: null,
  priority: 'high',
  gapStatus: 'not_implemented',
});

const plan = (items: Task[]) => ({ items, nextCursor: null }) as Output<'tasks.list'>;

/** An answer the test gives when it chooses, to see what is shown meanwhile. */
function later<T>() {
  let settle!: { resolve(v: T): void; reject(e: Error): void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

const useWholePlan = () => ({ view: useTasks(), act: useTaskActions(), offered: useProposals() });

afterEach(() => useVault.setState({ status: 'closed', app: null }));

describe('the remediation plan read through the query cache', () => {
  it('a card moves at once and goes back when Attest refuses the move', async () => {
    const answer = later<Task>();
    const fake = fakeClient({
      'tasks.list': () => plan([task('tsk_1', 'T-001', 1), task('tsk_2', 'T-002', 2)]),
      'tasks.proposals': () => ({ items: [] }),
      'tasks.move': () => answer.promise,
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(useWholePlan, { wrapper });
    await waitFor(() => expect(result.current.view.loaded).toBe(true));
    const statusOf = (id: string) => result.current.view.tasks.find((t) => t.id === id)?.status;

    let moved!: Promise<unknown>;
    act(() => {
      moved = result.current.act.move({ id: 'tsk_1', status: 'done', beforeId: null });
    });
    // On the board before Attest answered.
    await waitFor(() => expect(statusOf('tsk_1')).toBe('done'));

    answer.reject(new Error('That task was archived meanwhile.'));
    await act(() => expect(moved).rejects.toThrow(/archived meanwhile/));
    await waitFor(() => expect(statusOf('tsk_1')).toBe('todo'));
    // …and read afresh, since nothing announces a refused change.
    await waitFor(() => expect(fake.count('tasks.list')).toBe(2));
  });

  it('a change to assessments re-reads the proposals, not the plan', async () => {
    let offered = [proposal('ac-1')];
    const fake = fakeClient({
      'tasks.list': () => plan([task('tsk_1', 'T-001', 1)]),
      'tasks.proposals': () => ({ items: offered }),
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(useWholePlan, { wrapper });
    await waitFor(() => expect(result.current.offered.loaded).toBe(true));
    await waitFor(() => expect(result.current.view.loaded).toBe(true));

    offered = [proposal('ac-1'), proposal('ac-2')];
    act(() =>
      fake.announce({ openId: 'open-1', path: '/v', reason: 'updated', domains: ['assessments'] }),
    );
    await waitFor(() => expect(result.current.offered.proposals).toHaveLength(2));
    expect(fake.count('tasks.list')).toBe(1);
  });

  it('accepted proposals join the plan at once; a refusal reads the proposals afresh', async () => {
    let offered = [proposal('ac-1'), proposal('ac-2'), proposal('ac-3')];
    let refuse = false;
    const fake = fakeClient({
      'tasks.list': () => plan([]),
      'tasks.proposals': () => ({ items: offered }),
      'tasks.acceptProposals': ({ controlIds }) => {
        if (refuse) throw new Error('That gap already has a task, or its proposal was dismissed');
        return {
          items: controlIds.map((c, i) => task(`tsk_${c}`, `T-00${i + 1}`, i + 1)),
        };
      },
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const { result } = renderHook(useWholePlan, { wrapper });
    await waitFor(() => expect(result.current.offered.proposals).toHaveLength(3));
    await waitFor(() => expect(result.current.view.loaded).toBe(true));

    await act(() => result.current.act.acceptProposals(['ac-1', 'ac-2']));
    await waitFor(() =>
      expect(result.current.offered.proposals.map((p) => p.controlId)).toEqual(['ac-3']),
    );
    expect(result.current.view.tasks.map((t) => t.id)).toEqual(['tsk_ac-1', 'tsk_ac-2']);
    expect(fake.count('tasks.proposals')).toBe(1);

    // Decided elsewhere meanwhile: refused, and what is offered now is read again.
    refuse = true;
    offered = [];
    await act(() =>
      expect(result.current.act.acceptProposals(['ac-3'])).rejects.toThrow(/already has a task/),
    );
    await waitFor(() => expect(result.current.offered.proposals).toEqual([]));
    expect(fake.count('tasks.proposals')).toBe(2);
  });

  it('another opening never shows the previous opening’s plan or proposals', async () => {
    let tasks = [task('tsk_a', 'T-001', 1)];
    let offered = [proposal('ac-a')];
    const fake = fakeClient({
      'tasks.list': () => plan(tasks),
      'tasks.proposals': () => ({ items: offered }),
    });
    openVault('open-1');
    const { wrapper } = withApi(fake.client);
    const seen: string[] = [];
    const { result } = renderHook(
      () => {
        const all = useWholePlan();
        seen.push(...all.view.tasks.map((t) => t.id), ...all.offered.proposals.map((p) => p.ref));
        return all;
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.view.tasks).toHaveLength(1));
    await waitFor(() => expect(result.current.offered.proposals).toHaveLength(1));

    tasks = [task('tsk_b', 'T-001', 1)];
    offered = [];
    seen.length = 0;
    act(() => openVault('open-2'));
    expect(result.current.view).toMatchObject({ loaded: false, tasks: [], archived: [] });
    expect(result.current.offered).toMatchObject({ loaded: false, proposals: [] });
    await waitFor(() => expect(result.current.view.tasks.map((t) => t.id)).toEqual(['tsk_b']));
    expect(seen).not.toContain('tsk_a');
    expect(seen).not.toContain('AC-A');
  });

  it('proposals say they follow everything the gaps follow from', () => {
    // A proposal is a gap without a task: whatever re-reads coverage must re-read proposals.
    expect(readsOf('tasks.proposals')).toEqual(
      expect.arrayContaining([...readsOf('coverage.get')]),
    );
    expect(readsOf('tasks.proposals')).toContain('sd'); // carve-outs change what is a gap
  });
});

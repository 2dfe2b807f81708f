import { create } from 'zustand';
import type { Input } from '../../../shared/api/index';
import type { Task, TaskProposal } from '../../../shared/api/tasks';
import { api } from '../../api';
import { useGaps } from '../gaps/gaps-store';
import { type Move, applyMove } from './board';

type TaskPatch = Input<'tasks.update'>['patch'];

interface TasksState {
  status: 'idle' | 'loading' | 'ready';
  tasks: Task[];
  proposals: TaskProposal[];
  load(): Promise<void>;
  create(input: Input<'tasks.create'>): Promise<Task>;
  update(id: string, patch: TaskPatch): Promise<Task>;
  /** Moves the card at once, then asks Attest; a refusal puts it back. */
  move(move: Move): Promise<void>;
  archive(id: string): Promise<void>;
  decide(controlId: string, accept: boolean, edits?: TaskPatch): Promise<Task | null>;
  acceptAll(): Promise<number>;
  reset(): void;
}

let generation = 0;

/** Tasks change which gaps have a task: the gap list shows that, so it is re-read. */
const gapsChanged = () => useGaps.getState().refreshDerived();

/** The remediation plan: tasks, and the tasks proposed for gaps that have none. */
export const useTasks = create<TasksState>()((set, get) => ({
  status: 'idle',
  tasks: [],
  proposals: [],

  async load() {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    const [tasks, proposals] = await Promise.all([
      api.call('tasks.list', {}),
      api.call('tasks.proposals', {}),
    ]);
    if (mine !== generation) return;
    set({ status: 'ready', tasks: tasks.items, proposals: proposals.items });
  },

  async create(input) {
    const task = await api.call('tasks.create', input);
    set((s) => ({ tasks: [...s.tasks, task] }));
    await gapsChanged();
    return task;
  },

  async update(id, patch) {
    const task = await api.call('tasks.update', { id, patch });
    set((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? task : t)) }));
    await gapsChanged();
    return task;
  },

  async move(move) {
    const before = get().tasks;
    set({ tasks: applyMove(before, move) });
    try {
      const task = await api.call('tasks.move', move);
      set((s) => ({ tasks: s.tasks.map((t) => (t.id === task.id ? task : t)) }));
    } catch (e) {
      set({ tasks: before });
      throw e;
    }
  },

  async archive(id) {
    await api.call('tasks.archive', { id, archived: true });
    set((s) => ({ tasks: s.tasks.filter((t) => t.id !== id) }));
    await Promise.all([get().load(), gapsChanged()]);
  },

  async decide(controlId, accept, edits) {
    const { task } = await api.call('tasks.decideProposal', { controlId, accept, edits });
    await Promise.all([get().load(), gapsChanged()]);
    return task;
  },

  async acceptAll() {
    // One call per proposal (the contract has no batch): if one fails, those before it stay
    // accepted and the screen is re-read either way, so it shows exactly what was saved.
    const proposals = get().proposals;
    try {
      for (const p of proposals)
        await api.call('tasks.decideProposal', { controlId: p.controlId, accept: true });
    } finally {
      await Promise.all([get().load(), gapsChanged()]);
    }
    return proposals.length;
  },

  reset() {
    generation++;
    set({ status: 'idle', tasks: [], proposals: [] });
  },
}));

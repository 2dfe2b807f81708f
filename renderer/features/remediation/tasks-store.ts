import { create } from 'zustand';
import type { Input } from '../../../shared/api/index';
import type { Task, TaskProposal } from '../../../shared/api/tasks';
import { api } from '../../api';
import { allPages } from '../../api/all-pages';
import { type Move, applyMove } from './board';

type TaskPatch = Input<'tasks.update'>['patch'];

interface TasksState {
  status: 'idle' | 'loading' | 'ready';
  /** The plan: tasks not archived. */
  tasks: Task[];
  /** Archived tasks, which the table shows on request to restore them. */
  archived: Task[];
  proposals: TaskProposal[];
  load(): Promise<void>;
  create(input: Input<'tasks.create'>): Promise<Task>;
  update(id: string, patch: TaskPatch): Promise<Task>;
  /** Moves the card at once, then asks Attest; a refusal puts it back. */
  move(move: Move): Promise<void>;
  archive(id: string): Promise<void>;
  restore(id: string): Promise<Task>;
  decide(controlId: string, accept: boolean, edits?: TaskPatch): Promise<Task | null>;
  /** Accepts these proposals as proposed, all in one go or none (a proposal decided meanwhile). */
  acceptProposals(controlIds: string[]): Promise<Task[]>;
  reset(): void;
}

let generation = 0;

/** The remediation plan: tasks, and the tasks proposed for gaps that have none. */
export const useTasks = create<TasksState>()((set, get) => ({
  status: 'idle',
  tasks: [],
  archived: [],
  proposals: [],

  async load() {
    const mine = ++generation;
    if (get().status === 'idle') set({ status: 'loading' });
    const [tasks, proposals] = await Promise.all([
      allPages(
        (cursor) => api.call('tasks.list', { includeArchived: true, limit: 1000, cursor }),
        () => mine !== generation,
      ),
      api.call('tasks.proposals', {}),
    ]);
    if (mine !== generation || !tasks) return;
    set({
      status: 'ready',
      tasks: tasks.items.filter((t) => !t.archived),
      archived: tasks.items.filter((t) => t.archived),
      proposals: proposals.items,
    });
  },

  async create(input) {
    const task = await api.call('tasks.create', input);
    set((s) => ({ tasks: [...s.tasks, task] }));
    return task;
  },

  async update(id, patch) {
    const task = await api.call('tasks.update', { id, patch });
    set((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? task : t)) }));
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
    await get().load();
  },

  async restore(id) {
    const task = await api.call('tasks.archive', { id, archived: false });
    await get().load();
    return task;
  },

  async decide(controlId, accept, edits) {
    const { task } = await api.call('tasks.decideProposal', { controlId, accept, edits });
    await get().load();
    return task;
  },

  async acceptProposals(controlIds) {
    try {
      return (await api.call('tasks.acceptProposals', { controlIds })).items;
    } finally {
      // Refused (one was decided elsewhere meanwhile): the proposals shown are read afresh.
      await get().load();
    }
  },

  reset() {
    generation++;
    set({ status: 'idle', tasks: [], archived: [], proposals: [] });
  },
}));

import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Input } from '../../../shared/api/index';
import type { Task, TaskProposal } from '../../../shared/api/tasks';
import type { ApiClient } from '../../api';
import { allPages } from '../../api/all-pages';
import { useApi } from '../../api/provider';
import { apiQueryKey, useApiRead } from '../../api/queries';
import { useOpenId } from '../vault/store';
import { useVaultQuery } from '../vault/use-vault-query';
import { type Move, applyMove } from './board';
import { type TaskFilters, type TaskSort, taskListInput } from './task-filters';
import { useVaultPages } from '../vault/use-vault-pages';

type TaskPatch = Input<'tasks.update'>['patch'];

/** The remediation plan as screens see it (read through the query cache). */
export interface PlanView {
  /** The plan: tasks not archived. */
  tasks: Task[];
  /** Archived tasks, which the table shows on request to restore them. */
  archived: Task[];
  /** False until the plan of this opening has been read once. */
  loaded: boolean;
  /** Why the plan could not be read, if it could not. */
  error: Error | null;
}

const VARIANT = 'all';

/** The cache key of the whole plan (every page, archived tasks too) of an opening. */
export const planKey = (openId: string | null) =>
  ['api', openId, 'tasks.list', { variant: VARIANT }] as const;

/** The cache key of the proposed tasks of an opening. */
export const proposalsKey = (openId: string | null) => apiQueryKey(openId, 'tasks.proposals', {});

type Plan = Pick<PlanView, 'tasks' | 'archived'>;

async function readPlan(client: ApiClient): Promise<Plan> {
  const all = await allPages((cursor) =>
    client.call('tasks.list', { includeArchived: true, limit: 1000, cursor }),
  );
  return {
    tasks: all!.items.filter((t) => !t.archived),
    archived: all!.items.filter((t) => t.archived),
  };
}

const EMPTY: Plan = { tasks: [], archived: [] };

/**
 * The open vault's remediation plan, from the query cache: re-read when a change touches tasks.
 * With a selector, only that part — the shape screens used when this was a store.
 */
export function useTasks(): PlanView;
export function useTasks<T>(select: (view: PlanView) => T): T;
export function useTasks<T>(select?: (view: PlanView) => T): T | PlanView {
  const openId = useOpenId();
  const query = useApiRead(openId, 'tasks.list', VARIANT, readPlan, { enabled: openId !== null });
  const view: PlanView = {
    ...(query.data ?? EMPTY),
    loaded: query.data !== undefined,
    error: query.error,
  };
  return select ? select(view) : view;
}

/** One page of the table: a plan of hundreds fills a few. */
export const TASK_PAGE_SIZE = 200;

/**
 * The task table's rows for these filters and this order, a page at a time (the server filters,
 * sorts and pages); keyed like every API read, so a change to tasks re-reads the pages shown.
 * While another filter is read the previous rows stay, but only rows of this opening.
 */
export function useTaskPages(filters: TaskFilters, sort: TaskSort, showArchived: boolean) {
  const input = { ...taskListInput(filters, sort, showArchived), limit: TASK_PAGE_SIZE };
  return useVaultPages('tasks.list', input);
}

/**
 * The tasks Attest proposes for gaps without one, from the query cache: re-read when tasks,
 * assessments, controls, risks — anything the gaps follow from — change.
 */
export function useProposals(): {
  proposals: TaskProposal[];
  loaded: boolean;
  error: Error | null;
} {
  const query = useVaultQuery('tasks.proposals', {});
  return {
    proposals: query.data?.items ?? NO_PROPOSALS,
    loaded: query.data !== undefined,
    error: query.error,
  };
}

const NO_PROPOSALS: TaskProposal[] = [];

/** A task as Attest answered it, in the plan or among the archived ones where it belongs. */
function putTask(plan: Plan, task: Task): Plan {
  const others = (list: Task[]) => list.filter((t) => t.id !== task.id);
  return task.archived
    ? { tasks: others(plan.tasks), archived: [...others(plan.archived), task] }
    : { tasks: [...others(plan.tasks), task], archived: others(plan.archived) };
}

function editPlan(queries: QueryClient, openId: string | null, change: (p: Plan) => Plan) {
  queries.setQueryData<Plan>(planKey(openId), (p) => (p ? change(p) : p));
}

function dropProposals(queries: QueryClient, openId: string | null, controlIds: string[]) {
  queries.setQueryData<{ items: TaskProposal[] }>(proposalsKey(openId), (p) =>
    p ? { items: p.items.filter((x) => !controlIds.includes(x.controlId)) } : p,
  );
}

export interface TaskActions {
  create(input: Input<'tasks.create'>): Promise<Task>;
  update(id: string, patch: TaskPatch): Promise<Task>;
  /** Moves the card at once, then asks Attest; a refusal puts it back. */
  move(move: Move): Promise<Task>;
  archive(id: string): Promise<Task>;
  restore(id: string): Promise<Task>;
  /** Accepts a proposed task (optionally edited; answering it) or dismisses it (null). */
  decide(controlId: string, accept: boolean, edits?: TaskPatch): Promise<Task | null>;
  /** Accepts these proposals as proposed, all in one go or none (a proposal decided meanwhile). */
  acceptProposals(controlIds: string[]): Promise<Task[]>;
}

/**
 * The changes a user makes to the plan. Each answer is put into the cached plan at once (the
 * card, the proposal gone), so nothing lags behind a click; the `vault.changed` that follows
 * re-reads the plan, the proposals and the gaps (which name their tasks).
 */
export function useTaskActions(): TaskActions {
  const api = useApi();
  const queries = useQueryClient();
  const openId = useOpenId();
  return useMemo(() => {
    const put = (task: Task) => {
      editPlan(queries, openId, (p) => putTask(p, task));
      return task;
    };
    return {
      create: async (input) => put(await api.call('tasks.create', input)),
      update: async (id, patch) => put(await api.call('tasks.update', { id, patch })),
      async move(move) {
        // A re-read already on its way must not put the card back where it was.
        await queries.cancelQueries({ queryKey: planKey(openId), exact: true });
        const before = queries.getQueryData<Plan>(planKey(openId));
        editPlan(queries, openId, (p) => ({ ...p, tasks: applyMove(p.tasks, move) }));
        try {
          return put(await api.call('tasks.move', move));
        } catch (e) {
          // Refused: the board goes back as it was, then is read afresh (nothing changed).
          if (before) queries.setQueryData(planKey(openId), before);
          void queries.invalidateQueries({ queryKey: planKey(openId), exact: true });
          throw e;
        }
      },
      archive: async (id) => put(await api.call('tasks.archive', { id, archived: true })),
      restore: async (id) => put(await api.call('tasks.archive', { id, archived: false })),
      async decide(controlId, accept, edits) {
        const { task } = await api.call('tasks.decideProposal', { controlId, accept, edits });
        dropProposals(queries, openId, [controlId]);
        return task ? put(task) : null;
      },
      async acceptProposals(controlIds) {
        try {
          const { items } = await api.call('tasks.acceptProposals', { controlIds });
          dropProposals(queries, openId, controlIds);
          items.forEach(put);
          return items;
        } catch (e) {
          // Refused (one was decided elsewhere meanwhile): nothing changed, so no change
          // announces it — the proposals shown are read afresh here.
          void queries.invalidateQueries({ queryKey: proposalsKey(openId), exact: true });
          throw e;
        }
      },
    };
  }, [api, queries, openId]);
}

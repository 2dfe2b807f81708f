import { exportTasks } from '../../core/tasks/export';
import {
  acceptProposal,
  acceptProposals,
  archiveTask,
  createTask,
  dismissProposal,
  moveTask,
  proposeTasks,
  toTasks,
  updateTask,
} from '../../core/tasks/tasks';
import { listTaskPage } from '../../db/repos/lists';
import { requireVault } from '../context';
import { startOutputJob } from '../start-job';
import type { HandlerSlice } from './types';

export const taskHandlers: HandlerSlice<
  | 'tasks.list'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.move'
  | 'tasks.archive'
  | 'tasks.proposals'
  | 'tasks.decideProposal'
  | 'tasks.acceptProposals'
  | 'tasks.export'
> = {
  'tasks.list': ({ limit, cursor, sort, ...filter }, ctx) => {
    const vault = requireVault(ctx);
    const page = listTaskPage(
      vault.db,
      filter,
      sort ?? { key: 'ref', dir: 'asc' },
      { limit, cursor },
      vault.now().slice(0, 10),
    );
    return { items: toTasks(vault, page.rows), nextCursor: page.nextCursor, total: page.total };
  },
  'tasks.create': (input, ctx) => createTask(requireVault(ctx), input),
  'tasks.update': ({ id, patch }, ctx) => updateTask(requireVault(ctx), id, patch),
  'tasks.move': ({ id, status, beforeId }, ctx) =>
    moveTask(requireVault(ctx), id, status, beforeId),
  'tasks.archive': ({ id, archived }, ctx) => archiveTask(requireVault(ctx), id, archived),
  'tasks.proposals': (_i, ctx) => ({ items: proposeTasks(requireVault(ctx)) }),
  'tasks.decideProposal': ({ controlId, accept, edits }, ctx) => {
    const vault = requireVault(ctx);
    if (accept) return { task: acceptProposal(vault, controlId, edits) };
    dismissProposal(vault, controlId);
    return { task: null };
  },
  'tasks.acceptProposals': ({ controlIds }, ctx) => ({
    items: acceptProposals(requireVault(ctx), controlIds),
  }),
  'tasks.export': ({ format, saveTo }, ctx) => {
    const vault = requireVault(ctx);
    return startOutputJob(
      ctx,
      'tasks.export',
      `Exporting the remediation plan (${format.toUpperCase()})`,
      saveTo,
      async () => exportTasks(vault, format),
    );
  },
};

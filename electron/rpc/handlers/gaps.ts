import { assessControl, assessMany, assessmentsByControl } from '../../core/gaps/assessments';
import { assessmentSummary, coverageView } from '../../core/gaps/coverage';
import {
  acceptStarter,
  archiveRisk,
  createRisk,
  discardStarter,
  listRisks,
  pendingStarters,
  setRiskAssessedOn,
  updateRisk,
} from '../../core/risks/risks';
import { exportTasks } from '../../core/tasks/export';
import {
  acceptProposal,
  acceptProposals,
  archiveTask,
  createTask,
  dismissProposal,
  listTasks,
  moveTask,
  proposeTasks,
  updateTask,
} from '../../core/tasks/tasks';
import { getEngagement } from '../../core/vault/engagement';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const gapHandlers: HandlerSlice<
  | 'assessments.list'
  | 'assessments.set'
  | 'assessments.setMany'
  | 'coverage.get'
  | 'risks.list'
  | 'risks.create'
  | 'risks.update'
  | 'risks.archive'
  | 'risks.decideStarter'
  | 'risks.setAssessedOn'
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
  'assessments.list': (_i, ctx) => {
    const vault = requireVault(ctx);
    return { items: [...assessmentsByControl(vault).values()], summary: assessmentSummary(vault) };
  },
  'assessments.set': (input, ctx) => assessControl(requireVault(ctx), input),
  'assessments.setMany': ({ controlIds, status, naReason }, ctx) => ({
    items: assessMany(requireVault(ctx), controlIds, status, naReason),
  }),
  'coverage.get': (_i, ctx) => coverageView(requireVault(ctx)),
  'risks.list': ({ includeArchived }, ctx) => {
    const vault = requireVault(ctx);
    return {
      items: listRisks(vault, includeArchived),
      starters: pendingStarters(vault),
      assessedOn: getEngagement(vault).riskAssessedOn,
    };
  },
  'risks.create': (input, ctx) => createRisk(requireVault(ctx), input),
  'risks.update': ({ id, patch }, ctx) => updateRisk(requireVault(ctx), id, patch),
  'risks.archive': ({ id, archived }, ctx) => archiveRisk(requireVault(ctx), id, archived),
  'risks.decideStarter': ({ key, accept }, ctx) => {
    const vault = requireVault(ctx);
    if (accept) return { risk: acceptStarter(vault, key) };
    discardStarter(vault, key);
    return { risk: null };
  },
  'risks.setAssessedOn': ({ date }, ctx) => ({
    assessedOn: setRiskAssessedOn(requireVault(ctx), date),
  }),
  'tasks.list': (q, ctx) => ({ items: listTasks(requireVault(ctx), q) }),
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
  'tasks.export': ({ format }, ctx) => {
    const vault = requireVault(ctx);
    const job = ctx.jobs.start(
      'tasks.export',
      `Exporting the remediation plan (${format.toUpperCase()})`,
      ({ signal }) => exportTasks(vault, format, signal),
    );
    return { jobId: job.id };
  },
};

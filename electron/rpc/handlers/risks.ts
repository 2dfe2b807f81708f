import {
  acceptStarter,
  archiveRisk,
  createRisk,
  discardStarter,
  pendingStarters,
  setRiskAssessedOn,
  toRisks,
  updateRisk,
} from '../../core/risks/risks';
import { listRiskPage } from '../../db/repos/lists';
import { getEngagement } from '../../core/vault/engagement';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const riskHandlers: HandlerSlice<
  | 'risks.list'
  | 'risks.create'
  | 'risks.update'
  | 'risks.archive'
  | 'risks.decideStarter'
  | 'risks.setAssessedOn'
> = {
  'risks.list': ({ includeArchived, search, cell, sort, limit, cursor }, ctx) => {
    const vault = requireVault(ctx);
    const page = listRiskPage(
      vault.db,
      { includeArchived, search, cell },
      sort ?? { key: 'created', dir: 'asc' },
      { limit, cursor },
    );
    return {
      items: toRisks(vault, page.rows),
      nextCursor: page.nextCursor,
      total: page.total,
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
};

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
};

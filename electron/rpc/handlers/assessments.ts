import {
  assessControl,
  assessMany,
  assessmentsByControl,
  controlsMatching,
  listAssessedControls,
} from '../../core/gaps/assessments';
import { assessmentSummary } from '../../core/gaps/coverage';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const assessmentHandlers: HandlerSlice<
  'assessments.list' | 'assessments.controls' | 'assessments.set' | 'assessments.setMany'
> = {
  'assessments.list': (_i, ctx) => {
    const vault = requireVault(ctx);
    return { items: [...assessmentsByControl(vault).values()], summary: assessmentSummary(vault) };
  },
  'assessments.controls': (q, ctx) => listAssessedControls(requireVault(ctx), q),
  'assessments.set': (input, ctx) => assessControl(requireVault(ctx), input),
  'assessments.setMany': ({ controlIds, matching, except, status, naReason }, ctx) => {
    const vault = requireVault(ctx);
    const ids = controlIds ?? controlsMatching(vault, matching!, except);
    return { items: assessMany(vault, ids, status, naReason) };
  },
};

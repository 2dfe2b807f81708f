import {
  assessControl,
  assessMany,
  assessmentsByControl,
  controlsMatching,
} from '../../core/gaps/assessments';
import { assessmentSummary } from '../../core/gaps/coverage';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const assessmentHandlers: HandlerSlice<
  'assessments.list' | 'assessments.set' | 'assessments.setMany'
> = {
  'assessments.list': (_i, ctx) => {
    const vault = requireVault(ctx);
    return { items: [...assessmentsByControl(vault).values()], summary: assessmentSummary(vault) };
  },
  'assessments.set': (input, ctx) => assessControl(requireVault(ctx), input),
  'assessments.setMany': ({ controlIds, matching, status, naReason }, ctx) => {
    const vault = requireVault(ctx);
    const ids = controlIds ?? controlsMatching(vault, matching!);
    return { items: assessMany(vault, ids, status, naReason) };
  },
};

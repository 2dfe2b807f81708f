import { assessControl, assessMany, assessmentsByControl } from '../../core/gaps/assessments';
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
  'assessments.setMany': ({ controlIds, status, naReason }, ctx) => ({
    items: assessMany(requireVault(ctx), controlIds, status, naReason),
  }),
};

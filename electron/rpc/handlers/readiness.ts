import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { readinessFacts } from '../../core/readiness/facts';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const readinessHandlers: HandlerSlice<'readiness.get'> = {
  'readiness.get': (_i, ctx) => evaluateReadiness(readinessFacts(requireVault(ctx))),
};

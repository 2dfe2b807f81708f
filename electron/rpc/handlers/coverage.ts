import { coverageView } from '../../core/gaps/coverage';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const coverageHandlers: HandlerSlice<'coverage.get'> = {
  'coverage.get': (_i, ctx) => coverageView(requireVault(ctx)),
};

import { auditHistory } from '../../core/audit/history';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const auditHandlers: HandlerSlice<'audit.list'> = {
  'audit.list': (input, ctx) => auditHistory(requireVault(ctx), input),
};

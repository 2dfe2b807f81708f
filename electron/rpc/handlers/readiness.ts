import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { agendaOf } from '../../core/readiness/agenda';
import { readinessFacts } from '../../core/readiness/facts';
import { readinessReport } from '../../core/readiness/report';
import { startOutputJob } from '../start-job';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const readinessHandlers: HandlerSlice<
  'readiness.get' | 'readiness.agenda' | 'readiness.report'
> = {
  'readiness.get': (_i, ctx) => evaluateReadiness(readinessFacts(requireVault(ctx))),
  'readiness.agenda': (_i, ctx) => agendaOf(requireVault(ctx)),
  'readiness.report': ({ saveTo }, ctx) => {
    const vault = requireVault(ctx);
    return startOutputJob(ctx, 'readiness.report', 'Writing the readiness report', saveTo, () =>
      readinessReport(vault),
    );
  },
};

import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { agendaOf } from '../../core/readiness/agenda';
import { readinessFacts } from '../../core/readiness/facts';
import { readinessReport } from '../../core/readiness/report';
import { controlTimelines } from '../../core/readiness/timelines';
import { startOutputJob } from '../start-job';
import {
  compareReviews,
  freezeReview,
  getSnapshot,
  listSnapshots,
} from '../../core/readiness/snapshots';
import { requireVault } from '../context';
import type { HandlerSlice } from './types';

export const readinessHandlers: HandlerSlice<
  | 'readiness.get'
  | 'readiness.agenda'
  | 'readiness.timelines'
  | 'readiness.report'
  | 'readiness.freeze'
  | 'readiness.snapshots'
  | 'readiness.snapshot'
  | 'readiness.compare'
> = {
  'readiness.get': (_i, ctx) => evaluateReadiness(readinessFacts(requireVault(ctx))),
  'readiness.agenda': (_i, ctx) => agendaOf(requireVault(ctx)),
  'readiness.timelines': (_i, ctx) => controlTimelines(requireVault(ctx)),
  'readiness.report': ({ saveTo }, ctx) => {
    const vault = requireVault(ctx);
    return startOutputJob(ctx, 'readiness.report', 'Writing the readiness report', saveTo, (job) =>
      readinessReport(vault, job),
    );
  },
  'readiness.freeze': (i, ctx) => freezeReview(requireVault(ctx), i),
  'readiness.snapshots': (_i, ctx) => ({ items: listSnapshots(requireVault(ctx)) }),
  'readiness.snapshot': (i, ctx) => getSnapshot(requireVault(ctx), i.id),
  'readiness.compare': (i, ctx) => compareReviews(requireVault(ctx), i.fromId, i.toId),
};

import { evaluateReadiness } from '../../../shared/domain/readiness/evaluate';
import { readinessFacts } from '../../core/readiness/facts';
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
  | 'readiness.freeze'
  | 'readiness.snapshots'
  | 'readiness.snapshot'
  | 'readiness.compare'
> = {
  'readiness.get': (_i, ctx) => evaluateReadiness(readinessFacts(requireVault(ctx))),
  'readiness.freeze': (i, ctx) => freezeReview(requireVault(ctx), i),
  'readiness.snapshots': (_i, ctx) => ({ items: listSnapshots(requireVault(ctx)) }),
  'readiness.snapshot': (i, ctx) => getSnapshot(requireVault(ctx), i.id),
  'readiness.compare': (i, ctx) => compareReviews(requireVault(ctx), i.fromId, i.toId),
};

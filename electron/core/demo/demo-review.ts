import { freezeReview } from '../readiness/snapshots';
import type { Vault } from '../vault/session';
import type { DemoClock } from './demo-clock';
import type { DemoDates } from './demo-dates';

/**
 * A review frozen three weeks ago by the CEO, before the last windows' evidence, the populations
 * and the self-test came in: the readiness page has a snapshot to compare today with, and the
 * dashboard a trend with two points.
 */
export function freezeDemoReview(
  vault: Vault,
  clock: DemoClock,
  dates: DemoDates,
  signedOffById: string,
): void {
  clock.moveTo(dates.reviewFrozenOn);
  freezeReview(vault, {
    signedOffById,
    comment:
      'Monthly readiness review with the audit coordinator before the auditor’s planning call. Gaps agreed; owners have their tasks.',
  });
}

import type { Clock } from '../../platform/clock';

const DAY_MS = 86_400_000;

/**
 * The demo's clock: the app's clock, set back to an earlier day of the engagement while the demo
 * replays it. A frozen review records the vault's today and acknowledgements fall due from the day
 * a person was added, so the people must join before the period and the review be frozen weeks
 * ago for the demo to show what a real engagement shows. The build only moves forward (kick-off,
 * approvals, the review, the last weeks), so the audit log stays in time order; once built, the
 * clock reads the app's own time again.
 */
export interface DemoClock extends Clock {
  /** From now on, "now" is this calendar day (at the base clock's time of day); never backwards. */
  moveTo(day: string): void;
  /** Back to the base clock: the build has reached today. */
  release(): void;
}

export function demoClock(base: Clock): DemoClock {
  let offsetMs = 0;
  let current: string | null = null;
  const today = () => base.now().slice(0, 10);
  return {
    now: () => new Date(Date.parse(base.now()) - offsetMs).toISOString(),
    moveTo(day) {
      if (current !== null && day < current)
        throw new Error(`The demo's clock cannot go back from ${current} to ${day}`);
      if (day > today()) throw new Error(`The demo's clock cannot move past today to ${day}`);
      current = day;
      offsetMs = Math.round((Date.parse(today()) - Date.parse(day)) / DAY_MS) * DAY_MS;
    },
    release() {
      current = null;
      offsetMs = 0;
    },
  };
}

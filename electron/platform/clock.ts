/** Time as a capability, so tests can fix it and outputs stay stable. */
export interface Clock {
  /** The current instant as a UTC ISO string. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that starts at `start` and moves forward one second per reading. */
export function fixedClock(start = '2026-01-15T09:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return {
    now() {
      const value = new Date(t).toISOString();
      t += 1000;
      return value;
    },
  };
}

import { AttestError } from '../../shared/api/errors';

/** Time as a capability, so tests can fix it and outputs stay stable. */
export interface Clock {
  /** The current instant as a UTC ISO string. */
  now(): string;
}

/** The environment variable that sets "now" for the whole app (tests, screenshots, demos). */
export const CLOCK_OVERRIDE_VARIABLE = 'ATTEST_NOW';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date-time needs its zone: a local time would mean a different instant on every machine. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an ATTEST_NOW value: `2026-05-15` (noon UTC that day, so the calendar date is the same
 * in every time zone from UTC−11 to UTC+11) or an ISO date-time with its zone
 * (`2026-05-15T09:30:00Z`, `2026-05-15T11:30+02:00`). Anything else is refused, naming the value.
 */
export function parseClockOverride(text: string): number {
  const value = text.trim();
  const iso = DATE_ONLY.test(value) ? `${value}T12:00:00Z` : DATE_TIME.test(value) ? value : null;
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  // Date.parse rolls 2026-02-30 over to March; a date that does not round-trip does not exist.
  const real =
    Number.isFinite(ms) && (!DATE_ONLY.test(value) || new Date(ms).toISOString().startsWith(value));
  if (!real)
    throw new AttestError(
      'validation',
      `${CLOCK_OVERRIDE_VARIABLE} is set to “${text}”, which is not a date Attest can use. Write a date such as 2026-05-15 or a date and time with its zone such as 2026-05-15T09:30:00Z, or unset it to use the computer’s clock.`,
      [{ path: [CLOCK_OVERRIDE_VARIABLE], message: 'Not a date' }],
    );
  return ms;
}

/**
 * A clock that starts at `startMs` and then runs forward with real elapsed time, so the date is
 * fixed for a run while timestamps still increase (the audit log and "saved at" stay in order).
 */
export function startingAt(startMs: number, elapsedMs: () => number = monotonicMs): Clock {
  const origin = elapsedMs();
  return { now: () => new Date(startMs + (elapsedMs() - origin)).toISOString() };
}

const monotonicMs = () => performance.now();

const realClock: Clock = { now: () => new Date().toISOString() };

/** The clock the environment asks for: ATTEST_NOW when set (and valid), else the computer's. */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const override = env[CLOCK_OVERRIDE_VARIABLE];
  if (override === undefined || override.trim() === '') return realClock;
  return startingAt(parseClockOverride(override));
}

let resolved: Clock | undefined;

/**
 * The app's clock. Every "now" and "today" in the backend reads it (through the vault or the
 * runtime), so one ATTEST_NOW moves the whole app. Read on first use, so a bad value fails the
 * first thing that needs the time, with the message above, rather than at import.
 */
export const systemClock: Clock = {
  now: () => (resolved ??= clockFromEnvironment()).now(),
};

/** The calendar date of a clock's "now" (UTC, as every date the backend stores). */
export function todayOf(clock: Clock): string {
  return clock.now().slice(0, 10);
}

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

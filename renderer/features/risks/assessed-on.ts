import { addMonths } from 'date-fns';

export type AssessedOnState =
  { kind: 'missing' } | { kind: 'stale'; date: string } | { kind: 'current'; date: string };

/**
 * Readiness wants a risk assessment within the last 12 months: missing or older is flagged.
 * `today` is an ISO date, passed in so this stays pure.
 */
export function assessedOnState(date: string | null, today: string): AssessedOnState {
  if (!date) return { kind: 'missing' };
  const due = addMonths(new Date(`${date}T00:00:00Z`), 12)
    .toISOString()
    .slice(0, 10);
  return due < today ? { kind: 'stale', date } : { kind: 'current', date };
}

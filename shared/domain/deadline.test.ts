import { describe, expect, it } from 'vitest';
import { deadlineDay, describeDeadline, strictestDeadline } from './deadline';
import { occurrences } from './occurrences';

describe('the last day a promised time limit allows', () => {
  it.each([
    // from, amount, unit, last day on time
    ['2026-01-05', 1, 'business_days', '2026-01-06'], // Monday → Tuesday
    ['2026-01-09', 1, 'business_days', '2026-01-12'], // Friday → Monday
    ['2026-01-10', 1, 'business_days', '2026-01-12'], // Saturday → Monday
    ['2026-01-09', 0, 'business_days', '2026-01-09'], // "on or before the last day"
    ['2026-01-08', 5, 'business_days', '2026-01-15'],
    ['2026-03-31', 10, 'business_days', '2026-04-14'], // across a month end
    ['2026-01-05', 72, 'hours', '2026-01-08'],
    ['2026-01-05', 1, 'hours', '2026-01-06'], // a day is the finest a date says
    ['2026-01-31', 30, 'days', '2026-03-02'],
    ['2026-12-31', 14, 'days', '2027-01-14'],
  ] as const)('from %s, %i %s: %s', (from, amount, unit, expected) => {
    expect(deadlineDay(from, { amount, unit })).toBe(expected);
  });

  it('names the limit in words', () => {
    expect(describeDeadline({ amount: 1, unit: 'business_days' })).toBe('within 1 business day');
    expect(describeDeadline({ amount: 72, unit: 'hours' })).toBe('within 72 hours');
    expect(describeDeadline({ amount: 0, unit: 'business_days' })).toBe('the same day');
  });
});

describe('several promises for one control', () => {
  it('the strictest holds, business days weighed as they fall', () => {
    const d = (amount: number, unit: 'hours' | 'days' | 'business_days', id: string) => ({
      amount,
      unit,
      id,
    });
    expect(strictestDeadline([d(2, 'business_days', 'b'), d(1, 'business_days', 'a')])?.id).toBe(
      'a',
    );
    expect(strictestDeadline([d(7, 'days', 'week'), d(5, 'business_days', 'bd')])?.id).toBe('week'); // 5 business days from Monday is the next Monday: 7 days
    expect(strictestDeadline([d(90, 'days', 'm'), d(7, 'days', 'c'), d(30, 'days', 'h')])?.id).toBe(
      'c',
    );
    expect(strictestDeadline([])).toBeNull();
  });
});

describe('a promised deadline marks instances late', () => {
  const leaver = (id: string, lastDay: string, removedOn: string) => ({
    id,
    performedOn: removedOn,
    covers: { start: lastDay, end: lastDay },
  });
  const perEvent = (deadline: { amount: number; unit: 'business_days' | 'days' } | null) =>
    occurrences({
      frequency: 'per_event',
      nature: 'manual',
      engagement: { type: 'type2', start: '2026-01-01', end: '2026-06-30' },
      evaluatedOn: '2026-07-15',
      deadline,
      instances: [
        leaver('on-time', '2026-02-06', '2026-02-09'), // Friday leaver, Monday removal
        leaver('late', '2026-03-10', '2026-03-13'), // Tuesday leaver, Friday removal
        leaver('same-day', '2026-04-01', '2026-04-01'),
        leaver('after-period', '2026-06-30', '2026-07-01'), // left on the last day: still in
      ],
    });

  it.each([
    // deadline, late instances
    [{ amount: 1, unit: 'business_days' as const }, ['late']],
    [{ amount: 2, unit: 'business_days' as const }, ['late']],
    [{ amount: 3, unit: 'business_days' as const }, []],
    [{ amount: 0, unit: 'business_days' as const }, ['on-time', 'late', 'after-period']],
    // Calendar days count the weekend: Friday's leaver removed on Monday is three days on.
    [{ amount: 2, unit: 'days' as const }, ['on-time', 'late']],
    [null, []], // without a promise the whole period is its window
  ])('per event, %j: late %j', (deadline, late) => {
    const r = perEvent(deadline);
    expect(r.mode).toBe('population');
    expect(r.deviationCandidates).toEqual(late);
    expect(r.windows[0]!.late).toEqual(late);
    expect(r.unplaced).toEqual([]);
  });

  it.each([
    // performed, deadline in business days after the quarter, status
    ['2026-04-01', 1, 'met'], // Q1 ends Tuesday 31 March
    ['2026-04-02', 1, 'late'],
    ['2026-04-14', 10, 'met'],
    ['2026-04-15', 10, 'late'],
    ['2026-03-15', 0, 'met'],
    ['2026-04-01', 0, 'late'],
  ] as const)('quarterly, performed %s with %i business days: %s', (performedOn, days, status) => {
    const r = occurrences({
      frequency: 'quarterly',
      nature: 'manual',
      engagement: { type: 'type2', start: '2026-01-01', end: '2026-06-30' },
      evaluatedOn: '2026-07-15',
      deadline: { amount: days, unit: 'business_days' },
      instances: [{ id: 'q1', performedOn, covers: { start: '2026-01-01', end: '2026-03-31' } }],
    });
    expect(r.windows[0]!.status).toBe(status);
  });
});

import { describe, expect, it } from 'vitest';
import { nextPeriodOf, periodEndOf } from './next-period';

const type2 = (start: string, end: string) => ({
  reportType: 'type2' as const,
  asOf: null,
  period: { start, end },
});

describe('the next period after an engagement', () => {
  it('starts the day after a Type II period ends and keeps whole months whole', () => {
    expect(nextPeriodOf(type2('2026-01-01', '2026-12-31'))?.period).toEqual({
      start: '2027-01-01',
      end: '2027-12-31',
    });
    // Across a leap year, still a calendar year; a half year stays a half year.
    expect(nextPeriodOf(type2('2027-01-01', '2027-12-31'))?.period?.end).toBe('2028-12-31');
    expect(nextPeriodOf(type2('2026-01-01', '2026-06-30'))?.period).toEqual({
      start: '2026-07-01',
      end: '2026-12-31',
    });
    expect(nextPeriodOf(type2('2026-04-01', '2027-03-31'))?.period).toEqual({
      start: '2027-04-01',
      end: '2028-03-31',
    });
  });

  it('keeps the number of days of a period that is not whole months', () => {
    // 2026-01-15..2026-07-14 is 181 days; so is the next one.
    expect(nextPeriodOf(type2('2026-01-15', '2026-07-14'))?.period).toEqual({
      start: '2026-07-15',
      end: '2027-01-11',
    });
  });

  it('moves a Type I as-of date a year on, and has nothing to propose without dates', () => {
    expect(nextPeriodOf({ reportType: 'type1', asOf: '2026-03-31', period: null })).toEqual({
      reportType: 'type1',
      asOf: '2027-03-31',
      period: null,
    });
    expect(nextPeriodOf({ reportType: 'type1', asOf: null, period: null })).toBeNull();
    expect(nextPeriodOf({ reportType: 'type2', asOf: null, period: null })).toBeNull();
  });

  it('names the last day a report covers', () => {
    expect(periodEndOf(type2('2026-01-01', '2026-06-30'))).toBe('2026-06-30');
    expect(periodEndOf({ reportType: 'type1', asOf: '2026-03-31', period: null })).toBe(
      '2026-03-31',
    );
  });
});

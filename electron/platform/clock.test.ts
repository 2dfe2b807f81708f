import { describe, expect, it } from 'vitest';
import {
  CLOCK_OVERRIDE_VARIABLE,
  clockFromEnvironment,
  parseClockOverride,
  startingAt,
  todayOf,
} from './clock';

describe('the ATTEST_NOW clock override', () => {
  it('reads a date as noon UTC that day, and a date-time with its zone as that instant', () => {
    expect(new Date(parseClockOverride('2026-05-15')).toISOString()).toBe(
      '2026-05-15T12:00:00.000Z',
    );
    expect(new Date(parseClockOverride(' 2026-05-15T09:30:00Z ')).toISOString()).toBe(
      '2026-05-15T09:30:00.000Z',
    );
    expect(new Date(parseClockOverride('2026-05-15T11:30+02:00')).toISOString()).toBe(
      '2026-05-15T09:30:00.000Z',
    );
  });

  it.each([
    'tomorrow',
    '15/05/2026',
    '2026-02-30',
    '2026-13-01',
    '2026-05-15T09:30:00', // no zone: a different instant on every machine
    '2026-05-15 09:30Z',
    '1747300000000',
  ])('refuses %s with a sentence that names the variable and shows the right form', (value) => {
    let error: unknown;
    try {
      parseClockOverride(value);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'validation' });
    const message = (error as Error).message;
    expect(message).toContain(CLOCK_OVERRIDE_VARIABLE);
    expect(message).toContain(value);
    expect(message).toContain('2026-05-15');
  });

  it('sets today for the whole clock and lets time run on from there', () => {
    let elapsed = 0;
    const clock = startingAt(parseClockOverride('2027-02-10'), () => elapsed);
    expect(clock.now()).toBe('2027-02-10T12:00:00.000Z');
    elapsed = 90_000;
    expect(clock.now()).toBe('2027-02-10T12:01:30.000Z');
    expect(todayOf(clock)).toBe('2027-02-10');
  });

  it('uses the computer’s clock when unset or empty, and refuses garbage when read', () => {
    for (const env of [{}, { [CLOCK_OVERRIDE_VARIABLE]: '' }]) {
      const now = Date.parse(clockFromEnvironment(env).now());
      expect(Math.abs(now - Date.now())).toBeLessThan(60_000);
    }
    expect(todayOf(clockFromEnvironment({ [CLOCK_OVERRIDE_VARIABLE]: '2026-05-15' }))).toBe(
      '2026-05-15',
    );
    expect(() => clockFromEnvironment({ [CLOCK_OVERRIDE_VARIABLE]: 'soon' })).toThrow(
      /ATTEST_NOW is set to “soon”/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isoOf, monthFirst, parseDateText } from './date-text';

describe('a date as it is typed', () => {
  it('takes ISO dates as they are', () => {
    expect(parseDateText('2026-06-30')).toBe('2026-06-30');
    expect(parseDateText(' 2026-06-03 ')).toBe('2026-06-03');
  });

  it('reads numeric dates in the order of the user’s locale', () => {
    expect(monthFirst('en-US')).toBe(true);
    expect(monthFirst('en-GB')).toBe(false);
    expect(parseDateText('03/04/2026', 'en-GB')).toBe('2026-04-03');
    expect(parseDateText('03/04/2026', 'en-US')).toBe('2026-03-04');
    expect(parseDateText('30.06.2026', 'de-DE')).toBe('2026-06-30');
    expect(parseDateText('1/2/2026', 'en-GB')).toBe('2026-02-01');
  });

  it('lets a day above 12 settle the order whatever the locale', () => {
    expect(parseDateText('06/30/2026', 'en-GB')).toBe('2026-06-30');
    expect(parseDateText('30/06/2026', 'en-US')).toBe('2026-06-30');
  });

  it('reads month names, short or long, English or the locale’s', () => {
    expect(parseDateText('30 Jun 2026', 'en-GB')).toBe('2026-06-30');
    expect(parseDateText('June 30, 2026', 'en-US')).toBe('2026-06-30');
    expect(parseDateText('1 Sept 2026', 'en-GB')).toBe('2026-09-01');
    expect(parseDateText('15 März 2026', 'de-DE')).toBe('2026-03-15');
  });

  it('reads no other day on the way while a date is typed left to right', () => {
    const typing = (text: string, locale: string) =>
      [...text].map((_, i) => parseDateText(text.slice(0, i + 1), locale)).filter(Boolean);
    expect(typing('2026-06-30', 'en-GB')).toEqual(['2026-06-30']);
    expect(typing('30/06/2026', 'en-GB')).toEqual(['2026-06-30']);
    expect(typing('30 Jun 2026', 'en-GB')).toEqual(['2026-06-30']);
  });

  it('refuses what is not one real day', () => {
    expect(parseDateText('31 Feb 2026')).toBeNull();
    expect(parseDateText('2026-13-01')).toBeNull();
    expect(parseDateText('soon')).toBeNull();
    expect(parseDateText('')).toBeNull();
    expect(parseDateText('12/2026')).toBeNull();
    expect(isoOf(2028, 2, 29)).toBe('2028-02-29');
    expect(isoOf(2026, 2, 29)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  decideDateOrder,
  excelSerialToIsoDate,
  parseDateText,
  parsePeriodText,
  spreadsheetDateText,
} from './requests-dates';

describe('reading dates as auditors write them', () => {
  it.each([
    ['2026-03-31', 'dmy', '2026-03-31'],
    ['2026/03/31', 'mdy', '2026-03-31'],
    ['2026-03-31T00:00:00Z', 'dmy', '2026-03-31'],
    ['31/03/2026', 'dmy', '2026-03-31'],
    ['03/31/2026', 'mdy', '2026-03-31'],
    ['31.03.2026', 'dmy', '2026-03-31'],
    ['31-03-26', 'dmy', '2026-03-31'],
    ['31 Mar 2026', 'mdy', '2026-03-31'],
    ['31st March, 2026', 'dmy', '2026-03-31'],
    ['31-Mar-26', 'mdy', '2026-03-31'],
    ['Mar 31, 2026', 'dmy', '2026-03-31'],
    ['September 1 2026', 'dmy', '2026-09-01'],
    ['by 30/04/2026 EOD', 'dmy', '2026-04-30'],
  ] as const)('%s (%s) → %s', (text, order, expected) => {
    expect(parseDateText(text, order).date).toBe(expected);
  });

  it.each([
    ['31/03/2026', 'mdy'],
    ['2026-02-30', 'dmy'],
    ['30 Feb 2026', 'dmy'],
    ['next week', 'dmy'],
    ['01/02/2026 and 03/04/2026', 'dmy'],
  ] as const)('%s (%s) is not one date', (text, order) => {
    expect(parseDateText(text, order).date).toBeNull();
  });

  it('flags a numeric date that reads either way, but not one that reads the same', () => {
    expect(parseDateText('03/04/2026', 'dmy')).toEqual({ date: '2026-04-03', ambiguous: true });
    expect(parseDateText('03/04/2026', 'mdy')).toEqual({ date: '2026-03-04', ambiguous: true });
    expect(parseDateText('04/04/2026', 'mdy')).toEqual({ date: '2026-04-04', ambiguous: false });
  });
});

describe('the day/month order of a file', () => {
  it('is decided by its unambiguous values', () => {
    expect(decideDateOrder(['03/04/2026', '31/03/2026'])).toEqual({
      order: 'dmy',
      source: 'file',
      ambiguousValues: 0,
      conflicting: false,
    });
    expect(decideDateOrder(['03/04/2026', '12/31/2026']).order).toBe('mdy');
  });

  it('falls back to month-first and counts the values that could be either', () => {
    expect(decideDateOrder(['03/04/2026', '05/06/2026', '2026-01-01', '07/07/2026'])).toEqual({
      order: 'mdy',
      source: 'default',
      ambiguousValues: 2,
      conflicting: false,
    });
  });

  it('takes the majority when the file contradicts itself, and says so', () => {
    expect(decideDateOrder(['31/03/2026', '30/04/2026', '12/31/2026'])).toMatchObject({
      order: 'dmy',
      conflicting: true,
    });
  });

  it('uses the order given', () => {
    expect(decideDateOrder(['12/31/2026'], 'dmy')).toMatchObject({ order: 'dmy', source: 'given' });
  });
});

describe('periods', () => {
  it.each([
    ['01/01/2026 - 30/06/2026', { start: '2026-01-01', end: '2026-06-30', asOf: null }],
    ['2026-01-01 to 2026-06-30', { start: '2026-01-01', end: '2026-06-30', asOf: null }],
    ['1 Jan 2026 – 30 Jun 2026', { start: '2026-01-01', end: '2026-06-30', asOf: null }],
    ['As of 31/03/2026', { start: null, end: null, asOf: '2026-03-31' }],
    ['Q2 2026', { start: '2026-04-01', end: '2026-06-30', asOf: null }],
    ['2026-Q1', { start: '2026-01-01', end: '2026-03-31', asOf: null }],
    ['February 2028', { start: '2028-02-01', end: '2028-02-29', asOf: null }],
    ['Audit period', { start: null, end: null, asOf: null }],
  ])('%s', (text, expected) => {
    expect(parsePeriodText(text, 'dmy')).toMatchObject(expected);
  });

  // An auditor's period is a period whatever joins its ends; only one date is an as-of date.
  const H1 = { start: '2026-01-01', end: '2026-06-30', asOf: null };
  it.each([
    ['01/01/2026-06/30/2026', H1],
    ['01/01/2026 -06/30/2026', H1],
    ['01/01/2026–06/30/2026', H1],
    ['01/01/2026 — 06/30/2026', H1],
    ['01/01/2026 to 06/30/2026', H1],
    ['01/01/2026 through 06/30/2026', H1],
    ['1/1/26-6/30/26', H1],
    ['01.01.2026-06.30.2026', H1],
    ['2026-01-01-2026-06-30', H1],
    ['2026/01/01-2026/06/30', H1],
    ['Jan 1, 2026-Jun 30, 2026', H1],
    ['1-Jan-2026-30-Jun-2026', H1],
    ['From 01/01/2026 until 06/30/2026', H1],
    ['06/30/2026', { start: null, end: null, asOf: '2026-06-30' }],
    ['06-30-2026', { start: null, end: null, asOf: '2026-06-30' }],
    ['2026-06-30', { start: null, end: null, asOf: '2026-06-30' }],
  ])('month first: %s', (text, expected) => {
    expect(parsePeriodText(text, 'mdy')).toMatchObject(expected);
  });

  it('decides the order of a file from periods written without spaces too', () => {
    expect(decideDateOrder(['01/01/2026-06/30/2026'])).toMatchObject({
      order: 'mdy',
      source: 'file',
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(parsePeriodText('30/06/2026 - 01/01/2026', 'dmy')).toMatchObject({
      start: null,
      end: null,
      reversed: true,
    });
  });
});

describe('spreadsheet dates', () => {
  it('reads Excel serials, counting the 1900 leap-year bug', () => {
    expect(excelSerialToIsoDate(46112)).toBe('2026-03-31');
    expect(excelSerialToIsoDate(46112.75)).toBe('2026-03-31');
    expect(excelSerialToIsoDate(43831)).toBe('2020-01-01');
    expect(excelSerialToIsoDate(3)).toBeNull();
    expect(excelSerialToIsoDate(Number.NaN)).toBeNull();
  });

  it('writes date cells as ISO text, with the time only when there is one', () => {
    expect(spreadsheetDateText(new Date(Date.UTC(2026, 2, 31)))).toBe('2026-03-31');
    expect(spreadsheetDateText(new Date(Date.UTC(2026, 2, 31, 23, 59, 59, 999)))).toBe(
      '2026-04-01',
    );
    expect(spreadsheetDateText(new Date(Date.UTC(2026, 2, 31, 14, 30)))).toBe('2026-03-31 14:30');
  });
});

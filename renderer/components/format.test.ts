// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  fileName,
  formatBytes,
  formatDate,
  formatDateRange,
  formatEta,
  formatReportScope,
  groupHash,
  plural,
  shortHash,
} from './format';

/** ICU puts thin spaces around the range dash; compare with plain spaces. */
const n = (s: string) => s.replace(/\s/g, ' ');

describe('dates', () => {
  it('formats a period the way people write it, in their locale', () => {
    expect(n(formatDateRange('2026-01-01', '2026-06-30', 'en-GB'))).toBe('1 Jan – 30 Jun 2026');
    expect(n(formatDateRange('2026-01-01', '2026-06-30', 'en-US'))).toBe('Jan 1 – Jun 30, 2026');
    expect(n(formatDateRange('2025-10-01', '2026-03-31', 'en-GB'))).toBe(
      '1 Oct 2025 – 31 Mar 2026',
    );
  });

  it('never shifts a calendar date by the time zone', () => {
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
  });

  it('formats the report scope for the header', () => {
    expect(
      n(
        formatReportScope(
          { reportType: 'type2', asOf: null, period: { start: '2026-01-01', end: '2026-06-30' } },
          'en-GB',
        ),
      ),
    ).toBe('Type II · 1 Jan – 30 Jun 2026');
    expect(
      formatReportScope({ reportType: 'type1', asOf: '2026-06-30', period: null }, 'en-GB'),
    ).toBe('Type I · as of 30 Jun 2026');
    expect(formatReportScope({ reportType: 'type2', asOf: null, period: null }, 'en-GB')).toBe(
      'Type II',
    );
  });
});

describe('numbers and hashes', () => {
  it('pluralises counts', () => {
    expect(plural(1, 'category', 'categories', 'en')).toBe('1 category');
    expect(plural(3, 'category', 'categories', 'en')).toBe('3 categories');
    expect(plural(1200, 'file', undefined, 'en')).toBe('1,200 files');
  });

  it('formats sizes in decimal units', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(734_003_200, 'en')).toBe('734 MB');
  });

  it('formats time left', () => {
    expect(formatEta(12.4)).toBe('12 s');
    expect(formatEta(150)).toBe('about 3 min');
    expect(formatEta(Number.NaN)).toBe('');
  });

  it('shortens and groups hashes', () => {
    const hash = 'ab12cd34ef56ab12cd34ef56ab12cd34';
    expect(shortHash(hash)).toBe('ab12cd34…cd34');
    expect(shortHash('abc')).toBe('abc');
    expect(groupHash('ab12cd34ef')).toBe('ab12 cd34 ef');
  });

  it('takes the file name from either kind of path', () => {
    expect(fileName('/home/me/acme.attest')).toBe('acme.attest');
    expect(fileName('C:\\Vaults\\acme.attest')).toBe('acme.attest');
  });
});

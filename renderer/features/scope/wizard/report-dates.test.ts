import { describe, expect, it } from 'vitest';
import { bridgeGap, periodLengthWarning } from './report-dates';

const n = (s: string | null) => s?.replace(/\s/g, ' ') ?? null;

describe('periodLengthWarning', () => {
  it('is quiet for three to twelve months', () => {
    expect(periodLengthWarning('2026-01-01', '2026-03-31')).toBeNull();
    expect(periodLengthWarning('2026-01-01', '2026-06-30')).toBeNull();
    expect(periodLengthWarning('2026-01-01', '2026-12-31')).toBeNull();
  });

  it('warns under three and over twelve months', () => {
    expect(periodLengthWarning('2026-01-01', '2026-02-28')).toMatch(/about 2 months.*shorter/);
    expect(periodLengthWarning('2026-01-01', '2027-06-30')).toMatch(/about 18 months/);
  });

  it('leaves an end before the start to the contract’s error', () => {
    expect(periodLengthWarning('2026-06-01', '2026-01-01')).toBeNull();
    expect(periodLengthWarning('2026-06-01', '')).toBeNull();
  });
});

describe('bridgeGap', () => {
  it('is the part of our period after the report ends', () => {
    expect(n(bridgeGap('2026-03-31', '2026-06-30', 'en-GB'))).toBe('1 Apr – 30 Jun 2026');
    expect(n(bridgeGap('2026-06-29', '2026-06-30', 'en-GB'))).toBe('30 Jun 2026');
  });

  it('is nothing when the report reaches our period end', () => {
    expect(bridgeGap('2026-06-30', '2026-06-30')).toBeNull();
    expect(bridgeGap(null, '2026-06-30')).toBeNull();
  });
});

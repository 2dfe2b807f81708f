import { describe, expect, it } from 'vitest';
import { periodLengthWarning } from './report-period';

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

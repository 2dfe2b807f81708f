import { describe, expect, it } from 'vitest';
import { bridgeGap } from './report-dates';

const n = (s: string | null) => s?.replace(/\s/g, ' ') ?? null;

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

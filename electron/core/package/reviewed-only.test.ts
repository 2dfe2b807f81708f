import { describe, expect, it } from 'vitest';
import { reviewedAndInside } from './model';

const period = { start: '2026-01-01', end: '2026-06-30' };
const item = (over: Partial<Parameters<typeof reviewedAndInside>[0]>) => ({
  reviewed_on: '2026-07-02',
  window_start: null,
  window_end: null,
  as_of: null,
  ...over,
});

describe('only evidence reviewed and inside its window (export option)', () => {
  it.each([
    [
      'reviewed, window inside',
      item({ window_start: '2026-03-01', window_end: '2026-03-31' }),
      true,
    ],
    ['reviewed, as-of inside', item({ as_of: '2026-06-30' }), true],
    [
      'reviewed, window outside',
      item({ window_start: '2025-10-01', window_end: '2025-12-31' }),
      false,
    ],
    [
      'reviewed, window partly inside',
      item({ window_start: '2025-12-01', window_end: '2026-01-31' }),
      false,
    ],
    ['reviewed, undated', item({}), false],
    [
      'unreviewed, window inside',
      item({ reviewed_on: null, window_start: '2026-02-01', window_end: '2026-02-28' }),
      false,
    ],
    ['unreviewed, as-of inside', item({ reviewed_on: null, as_of: '2026-04-01' }), false],
  ])('%s', (_name, row, kept) => {
    expect(reviewedAndInside(row, period)).toBe(kept);
  });
});

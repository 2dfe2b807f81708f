import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_SIZE_TABLE } from '../../../shared/domain/sample-size';
import { diffSizeTables, perEventRows } from './size-table-diff';

describe('the sample-size table preview', () => {
  it('names the per-event bands as the user reads them', () => {
    expect(perEventRows(DEFAULT_SAMPLE_SIZE_TABLE).map((r) => `${r.band}: ${r.size}`)).toEqual([
      '1–4 items: 2',
      '5–12 items: 2–5',
      '13–52 items: 5–15',
      '53–250 items: 20–40',
      'Over 250 items: 25–60',
    ]);
  });

  it('lists only what an imported table changes', () => {
    const next = {
      ...DEFAULT_SAMPLE_SIZE_TABLE,
      byFrequency: { ...DEFAULT_SAMPLE_SIZE_TABLE.byFrequency, monthly: { min: 3, max: 3 } },
      expansionLadder: [2, 5, 15, 40, 60, 80],
    };
    expect(diffSizeTables(DEFAULT_SAMPLE_SIZE_TABLE, next)).toEqual([
      { what: 'Monthly', from: '2–5', to: '3' },
      {
        what: 'Expansion after a deviation',
        from: '2 → 5 → 15 → 40 → 60',
        to: '2 → 5 → 15 → 40 → 60 → 80',
      },
    ]);
    expect(diffSizeTables(DEFAULT_SAMPLE_SIZE_TABLE, DEFAULT_SAMPLE_SIZE_TABLE)).toEqual([]);
  });

  it('shows bands that are cut differently as one change, not a misaligned row-by-row', () => {
    const next = {
      ...DEFAULT_SAMPLE_SIZE_TABLE,
      perEvent: [
        { upTo: 10, min: 2, max: 2 },
        { upTo: null, min: 25, max: 25 },
      ],
    };
    const changes = diffSizeTables(DEFAULT_SAMPLE_SIZE_TABLE, next);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.what).toBe('Per-event bands');
    expect(changes[0]!.to).toBe('1–10 items: 2; Over 10 items: 25');
  });
});

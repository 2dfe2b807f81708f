import { describe, expect, it } from 'vitest';
import type { Frequency } from './catalog';
import {
  DEFAULT_SAMPLE_SIZE_TABLE,
  type SampleSizeInput,
  expansionAfterDeviation,
  recommendSampleSize,
  sampleSizeTableSchema,
} from './sample-size';

const size = (p: Partial<SampleSizeInput>) =>
  recommendSampleSize({
    frequency: 'monthly',
    nature: 'manual',
    reportType: 'type2',
    populationSize: null,
    ...p,
  });

describe('the default sample-size table', () => {
  it.each<[Frequency, number | null, number, number, number]>([
    // frequency, population, low size, range min, range max
    ['annual', null, 1, 1, 1],
    ['semi_annual', null, 1, 1, 1],
    ['quarterly', null, 2, 2, 2],
    ['monthly', null, 2, 2, 5],
    ['weekly', null, 5, 5, 15],
    ['daily', 250, 20, 20, 40],
    ['continuous', null, 1, 1, 1],
  ])('%s (population %s) → %i from %i–%i', (frequency, populationSize, n, min, max) => {
    const s = size({ frequency, populationSize });
    expect(s.size).toBe(n);
    expect(s.range).toEqual({ min, max });
    expect(s.source).toMatch(/your auditor’s prevails/);
  });

  it('takes the top of the range for a higher-risk control', () => {
    expect(size({ frequency: 'daily', populationSize: 365, level: 'high' }).size).toBe(40);
    expect(size({ frequency: 'weekly', populationSize: 52, level: 'high' }).size).toBe(15);
  });

  it.each([
    // population size, expected size, range
    [2, 2, '2-2', 'test_all'],
    [4, 2, '2-2', 'sample'],
    [5, 2, '2-5', 'sample'],
    [12, 2, '2-5', 'sample'],
    [13, 5, '5-15', 'sample'],
    [52, 5, '5-15', 'sample'],
    [53, 20, '20-40', 'sample'],
    [250, 20, '20-40', 'sample'],
    [251, 25, '25-60', 'sample'],
    [100_000, 25, '25-60', 'sample'],
  ])('per event with %i items → %i (%s)', (populationSize, n, range, mode) => {
    const s = size({ frequency: 'per_event', populationSize });
    expect(s.size).toBe(n);
    expect(`${s.range!.min}-${s.range!.max}`).toBe(range);
    expect(s.mode).toBe(mode);
  });

  it('tests all of a population no larger than the sample', () => {
    expect(size({ frequency: 'per_event', populationSize: 1 })).toMatchObject({
      mode: 'test_all',
      size: 1,
    });
    const weekly = size({ frequency: 'weekly', populationSize: 3 });
    expect(weekly).toMatchObject({ mode: 'test_all', size: 3, expandable: false });
    expect(weekly.basis).toMatch(/only 3 items, so every one is tested/);
  });

  it('an empty population is not operated, not tested — nothing to sample', () => {
    const s = size({ frequency: 'per_event', populationSize: 0 });
    expect(s).toMatchObject({ mode: 'none', size: 0 });
    expect(s.basis).toMatch(/not operated and therefore not tested/);
  });

  it('a per-event control without a population asks for one', () => {
    expect(size({ frequency: 'per_event', populationSize: null }).mode).toBe('needs_population');
  });

  it('Type I is one walkthrough instance, whatever the frequency', () => {
    for (const frequency of ['daily', 'per_event', 'quarterly'] as const) {
      expect(size({ frequency, reportType: 'type1', populationSize: 500 })).toMatchObject({
        mode: 'walkthrough',
        size: 1,
        expandable: false,
      });
    }
  });

  it('automated: one instance plus the ITGCs, sampled like a manual control when they fail', () => {
    const fine = size({ frequency: 'daily', nature: 'automated', populationSize: 365 });
    expect(fine).toMatchObject({ mode: 'automated', size: 1 });
    expect(fine.basis).toMatch(/CC8\.1/);
    const failing = size({
      frequency: 'daily',
      nature: 'automated',
      itgcs: 'failing',
      populationSize: 365,
    });
    expect(failing).toMatchObject({ mode: 'sample', size: 20 });
  });
});

describe('expansion after a deviation', () => {
  it.each([
    ['per_event', 25, 400, true, 40],
    ['per_event', 40, 400, true, 60],
    ['daily', 20, 365, true, 40],
    ['monthly', 2, 12, true, 5],
    ['per_event', 25, 30, true, 30],
  ] as const)('%s: %i of %i → %s %s', (frequency, currentSize, populationSize, allowed, to) => {
    expect(expansionAfterDeviation({ frequency, currentSize, populationSize })).toMatchObject({
      allowed,
      to,
    });
  });

  it.each(['annual', 'semi_annual', 'quarterly'] as const)(
    'a low-frequency (%s) control cannot be expanded',
    (frequency) => {
      const e = expansionAfterDeviation({ frequency, currentSize: 1, populationSize: 4 });
      expect(e.allowed).toBe(false);
      expect(e.reason).toMatch(/low-frequency/);
    },
  );

  it('a per-event control with four items or fewer cannot be expanded', () => {
    expect(
      expansionAfterDeviation({ frequency: 'per_event', currentSize: 2, populationSize: 4 })
        .allowed,
    ).toBe(false);
  });

  it('nothing to add once every item is tested', () => {
    const e = expansionAfterDeviation({ frequency: 'weekly', currentSize: 52, populationSize: 52 });
    expect(e).toMatchObject({ allowed: false, to: null });
  });
});

describe("the auditor's own table", () => {
  const theirs = {
    ...DEFAULT_SAMPLE_SIZE_TABLE,
    name: 'Example LLP',
    source: 'Example LLP testing methodology, 2026 edition',
    byFrequency: { ...DEFAULT_SAMPLE_SIZE_TABLE.byFrequency, daily: { min: 25, max: 25 } },
  };

  it('is validated and then used, its name and source stated', () => {
    const table = sampleSizeTableSchema.parse(theirs);
    const s = size({ frequency: 'daily', populationSize: 365, table });
    expect(s).toMatchObject({ size: 25, tableName: 'Example LLP' });
    expect(s.source).toBe('Example LLP testing methodology, 2026 edition');
  });

  it('the default table passes its own validation', () => {
    expect(sampleSizeTableSchema.safeParse(DEFAULT_SAMPLE_SIZE_TABLE).success).toBe(true);
  });

  it.each([
    ['a range upside down', { byFrequency: { ...theirs.byFrequency, weekly: { min: 9, max: 3 } } }],
    ['a missing frequency', { byFrequency: { annual: { min: 1, max: 1 } } }],
    [
      'an open band before the last',
      { perEvent: [{ upTo: null, min: 2, max: 2 }, ...theirs.perEvent] },
    ],
    ['no open last band', { perEvent: [{ upTo: 4, min: 2, max: 2 }] }],
    ['an expansion ladder going down', { expansionLadder: [60, 40] }],
    ['an unknown field', { extra: 1 }],
    ['no source', { source: '' }],
  ])('is refused with %s', (_what, change) => {
    expect(sampleSizeTableSchema.safeParse({ ...theirs, ...change }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  dateOrder,
  drawRandom,
  drawSystematic,
  expandSelection,
  hashSeed,
  seededRandom,
  systematicStart,
} from './sample-selection';

/** mulberry32 as published (Tommy Ettinger), written independently of the module. */
function referenceMulberry32(a: number) {
  return () => {
    let t = (a = (a + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the seeded generator', () => {
  it('is mulberry32 over the FNV-1a hash of the seed', () => {
    const ours = seededRandom('SEED-42');
    const reference = referenceMulberry32(hashSeed('SEED-42'));
    for (let i = 0; i < 1000; i++) expect(ours()).toBe(reference());
  });

  it('FNV-1a matches its published test vectors', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
    expect(hashSeed('foobar')).toBe(0xbf9cf968);
  });

  it('a stored sample stays re-derivable: this seed keeps drawing these rows', () => {
    // Changing the generator would make every stored random sample unverifiable.
    expect(drawRandom(100, 5, 'attest')).toEqual([99, 64, 31, 74, 20]);
  });
});

describe('random selection', () => {
  it('the same seed gives the same selection; another seed another', () => {
    expect(drawRandom(1000, 25, 'abc')).toEqual(drawRandom(1000, 25, 'abc'));
    expect(drawRandom(1000, 25, 'abc')).not.toEqual(drawRandom(1000, 25, 'abd'));
  });

  it('chooses distinct items within the population', () => {
    for (const [n, k] of [
      [10, 10],
      [100_000, 60],
      [3, 2],
      [1, 1],
      [5, 0],
    ] as const) {
      const picked = drawRandom(n, k, `s${n}`);
      expect(picked).toHaveLength(k);
      expect(new Set(picked).size).toBe(k);
      expect(picked.every((i) => i >= 0 && i < n)).toBe(true);
    }
  });

  it('a larger draw with the same seed starts with the smaller one', () => {
    expect(drawRandom(400, 40, 'x').slice(0, 25)).toEqual(drawRandom(400, 25, 'x'));
  });

  it('refuses more items than the population holds', () => {
    expect(() => drawRandom(3, 4, 'x')).toThrow(/Cannot choose 4 of 3/);
  });

  it('spreads over the whole population (every tenth reached in 2 000 draws of 1)', () => {
    const hits = new Set<number>();
    for (let s = 0; s < 2000; s++) hits.add(Math.floor(drawRandom(100, 1, `seed-${s}`)[0]! / 10));
    expect(hits.size).toBe(10);
  });
});

describe('systematic selection', () => {
  it('every n/k items from the start, spread across the period', () => {
    expect(drawSystematic(365, 5, 10)).toEqual([10, 83, 156, 229, 302]);
    expect(drawSystematic(10, 10, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('the start drawn from a seed is recorded and below the interval', () => {
    const start = systematicStart(365, 25, 'attest');
    expect(start).toBe(systematicStart(365, 25, 'attest'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThan(14);
    const picked = drawSystematic(365, 25, start);
    expect(new Set(picked).size).toBe(25);
    expect(Math.max(...picked)).toBeLessThan(365);
  });

  it('refuses a start at or beyond the interval', () => {
    expect(() => drawSystematic(100, 10, 10)).toThrow(/below 10/);
  });

  it('walks items in date order, undated last, ties in file order', () => {
    const items = [
      { date: '2026-03-01' },
      { date: null },
      { date: '2026-01-15' },
      { date: '2026-03-01' },
    ];
    expect(dateOrder(items)).toEqual([2, 0, 3, 1]);
  });
});

describe('expanding after a deviation', () => {
  it('a random sample grows by continuing its own draw, keeping every item', () => {
    const first = drawRandom(400, 25, 'seed');
    const added = expandSelection(400, first, 40, { method: 'random', seed: 'seed' });
    expect(added).toHaveLength(15);
    expect(added.some((i) => first.includes(i))).toBe(false);
    expect([...first, ...added]).toEqual(drawRandom(400, 40, 'seed'));
  });

  it('a systematic sample grows with seeded picks from the rest', () => {
    const first = drawSystematic(365, 20, 3);
    const added = expandSelection(365, first, 40, { method: 'systematic', seed: 's' });
    expect(added).toHaveLength(20);
    expect(new Set([...first, ...added]).size).toBe(40);
    expect(added).toEqual(expandSelection(365, first, 40, { method: 'systematic', seed: 's' }));
  });

  it('notices a stored random sample that is not its seed’s draw', () => {
    expect(() => expandSelection(400, [0, 1, 2], 10, { method: 'random', seed: 'seed' })).toThrow(
      /not the draw of its seed/,
    );
  });
});

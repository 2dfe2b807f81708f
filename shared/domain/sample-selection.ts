/**
 * Choosing the items of a management self-test (T, issue 18 item 2): random from a recorded
 * seed, or systematic from a recorded start, over a population's rows or a control's occurrence
 * windows. Pure and deterministic: the same seed (or start) over the same items gives the same
 * selection, so a stored sample can be re-derived and shown to anyone who asks how it was drawn.
 *
 * The generator is mulberry32 (a small, public 32-bit PRNG; statistical quality is ample for
 * choosing a few dozen items), seeded with the FNV-1a hash of the seed text. Random selection is
 * a partial Fisher–Yates shuffle, so the first k draws of a larger selection are exactly the
 * selection of k: an expanded sample keeps every item of the original one.
 *
 * Systematic selection walks the items in date order (spread across the period) every n/k items
 * from a start below that interval.
 */

/** FNV-1a, 32 bits: turns any seed text into mulberry32's state. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a function returning numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function assertCounts(n: number, k: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) {
    throw new Error(`Cannot choose ${k} of ${n} items`);
  }
}

/**
 * k of the indices 0..n-1 chosen at random from the seed, in the order drawn (a prefix of a
 * larger draw with the same seed). Sort them for display.
 */
export function drawRandom(n: number, k: number, seed: string): number[] {
  assertCounts(n, k);
  const next = seededRandom(seed);
  // A sparse Fisher–Yates: only swapped positions are stored, so 100 000 rows cost nothing.
  const swapped = new Map<number, number>();
  const at = (i: number) => swapped.get(i) ?? i;
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (n - i));
    const picked = at(j);
    swapped.set(j, at(i));
    out.push(picked);
  }
  return out;
}

/** The interval of a systematic selection of k from n. */
export const systematicInterval = (n: number, k: number) => n / k;

/** A start for a systematic selection, drawn from the seed: 0 ≤ start < floor(n / k). */
export function systematicStart(n: number, k: number, seed: string): number {
  assertCounts(n, k);
  if (k === 0) return 0;
  return Math.floor(seededRandom(seed)() * Math.max(1, Math.floor(n / k)));
}

/** k of the indices 0..n-1 (taken in date order), every n/k from `start`. */
export function drawSystematic(n: number, k: number, start: number): number[] {
  assertCounts(n, k);
  if (k === 0) return [];
  const interval = systematicInterval(n, k);
  if (!Number.isInteger(start) || start < 0 || start >= Math.max(1, Math.floor(interval))) {
    throw new Error(`A systematic start must be a whole number below ${Math.floor(interval)}`);
  }
  return Array.from({ length: k }, (_, i) => Math.floor(start + i * interval));
}

/**
 * Grows a selection to `to` items after a deviation, keeping every item already chosen. A random
 * selection continues its own draw; a systematic one adds items drawn at random from the rest
 * (seeded with the seed and "expansion"), as a new interval would move the items already tested.
 */
export function expandSelection(
  n: number,
  chosen: readonly number[],
  to: number,
  how: { method: 'random' | 'systematic'; seed: string },
): number[] {
  assertCounts(n, to);
  if (to < chosen.length) throw new Error('An expansion cannot shrink a sample');
  const have = new Set(chosen);
  if (how.method === 'random') {
    const all = drawRandom(n, to, how.seed);
    if (!chosen.every((i) => all.includes(i))) {
      throw new Error('The stored sample is not the draw of its seed');
    }
    return all.filter((i) => !have.has(i));
  }
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !have.has(i));
  return drawRandom(rest.length, to - chosen.length, `${how.seed}:expansion`).map((i) => rest[i]!);
}

/** Order items by date for a systematic walk: undated last, ties kept in file order. */
export function dateOrder<T extends { date: string | null }>(items: readonly T[]): number[] {
  return items
    .map((item, i) => ({ i, date: item.date }))
    .sort((a, b) => {
      if (a.date === b.date) return a.i - b.i;
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    })
    .map((x) => x.i);
}

/**
 * How many items a management self-test samples (T, issue 18 item 1): one table of editable
 * defaults, the ranges shown, the source of the guidance stated as data (the screens and the
 * README quote it), and a way to import the auditor's own table.
 *
 * The rules, in short (docs/decisions.md says why):
 * - A control's frequency reads a size range from the table (annual 1 … several times a day
 *   25–60). The default is the low end of the range (a low-risk control, no expected deviations);
 *   `level: 'high'` takes the top (more reliance, higher risk).
 * - A per-event control reads its population's size as a frequency (2–4 items → 2; 5–12 → 2–5;
 *   13–52 → 5–15; 53–250 → 20–40; over 250 → 25–60).
 * - When the population is no larger than the sample, every item is tested.
 * - An automated control (its IT general controls not failing) is tested once, plus the ITGCs it
 *   relies on; a Type I report has no sampling at all: one walkthrough instance.
 * - Expected deviations are zero. After one, the sample may be expanded to the next size of the
 *   table's ladder (e.g. 25 → 40), except for low-frequency controls (annual, semi-annual,
 *   quarterly, or a population of four or fewer), whose whole population is too small.
 */
import { z } from 'zod';
import type { Frequency, Nature } from './catalog';

/** The table's frequency rows: the control frequencies, and "several times a day". */
export const SIZE_FREQUENCIES = [
  'annual',
  'semi_annual',
  'quarterly',
  'monthly',
  'weekly',
  'daily',
  'several_daily',
  'continuous',
] as const;
export type SizeFrequency = (typeof SIZE_FREQUENCIES)[number];

export const SIZE_FREQUENCY_LABELS: Record<SizeFrequency, string> = {
  annual: 'Annual',
  semi_annual: 'Semi-annual',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
  weekly: 'Weekly',
  daily: 'Daily',
  several_daily: 'Several times a day',
  continuous: 'Continuous / automated',
};

const count = z.number().int().min(1).max(10_000);
const sizeRange = z
  .object({ min: count, max: count })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'The smallest size must not exceed the largest' });
export type SizeRange = z.infer<typeof sizeRange>;

/** A sample-size table: the built-in defaults, or an auditor's own, imported as JSON. */
export const sampleSizeTableSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Where the guidance comes from, in a sentence the UI and README show. */
    source: z.string().trim().min(1).max(2000),
    byFrequency: z.object(
      Object.fromEntries(SIZE_FREQUENCIES.map((f) => [f, sizeRange])) as Record<
        SizeFrequency,
        typeof sizeRange
      >,
    ),
    /** Per-event controls: bands of population size, ascending; the last (`upTo: null`) is "over". */
    perEvent: z
      .array(z.object({ upTo: count.nullable(), min: count, max: count }).strict())
      .min(1)
      .max(20),
    /** The sizes a sample may be expanded to after a deviation, ascending (25 → the next, 40). */
    expansionLadder: z.array(count).min(1).max(20),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.perEvent.forEach((b, i) => {
      if (b.min > b.max)
        ctx.addIssue({
          code: 'custom',
          path: ['perEvent', i],
          message: 'The smallest size must not exceed the largest',
        });
      const last = i === t.perEvent.length - 1;
      if (last !== (b.upTo === null))
        ctx.addIssue({
          code: 'custom',
          path: ['perEvent', i, 'upTo'],
          message: 'Only the last band is open-ended ("upTo": null), and it must be',
        });
      const prev = t.perEvent[i - 1];
      if (prev && b.upTo !== null && prev.upTo !== null && b.upTo <= prev.upTo)
        ctx.addIssue({
          code: 'custom',
          path: ['perEvent', i, 'upTo'],
          message: 'Bands go up in population size',
        });
    });
    t.expansionLadder.forEach((n, i) => {
      if (i > 0 && n <= t.expansionLadder[i - 1]!)
        ctx.addIssue({
          code: 'custom',
          path: ['expansionLadder', i],
          message: 'Expansion sizes go up',
        });
    });
  });
export type SampleSizeTable = z.infer<typeof sampleSizeTableSchema>;

/** The built-in table (issue 18 item 1), with where it comes from. */
export const DEFAULT_SAMPLE_SIZE_TABLE: SampleSizeTable = {
  name: 'Attest defaults',
  source:
    'The AICPA prescribes no sample sizes for SOC examinations. These are the ranges practitioners commonly use for tests of operating effectiveness when no deviations are expected (heuristics shared by SOC and SOX auditors). They are guidance, not a standard: every firm sets its own table, and your auditor’s prevails — import it when they share it.',
  byFrequency: {
    annual: { min: 1, max: 1 },
    semi_annual: { min: 1, max: 1 },
    quarterly: { min: 2, max: 2 },
    monthly: { min: 2, max: 5 },
    weekly: { min: 5, max: 15 },
    daily: { min: 20, max: 40 },
    several_daily: { min: 25, max: 60 },
    continuous: { min: 1, max: 1 },
  },
  perEvent: [
    { upTo: 4, min: 2, max: 2 },
    { upTo: 12, min: 2, max: 5 },
    { upTo: 52, min: 5, max: 15 },
    { upTo: 250, min: 20, max: 40 },
    { upTo: null, min: 25, max: 60 },
  ],
  expansionLadder: [2, 5, 15, 40, 60],
};

/** Controls too infrequent to expand: their whole population is a handful of items. */
const LOW_FREQUENCIES: readonly Frequency[] = ['annual', 'semi_annual', 'quarterly'];
const SMALL_POPULATION = 4;

export interface SampleSizeInput {
  frequency: Frequency;
  nature: Nature;
  reportType: 'type1' | 'type2';
  /** Items in the population (rows, or the control's occurrence windows); null when unknown. */
  populationSize: number | null;
  itgcs?: 'effective' | 'failing' | 'unknown';
  level?: 'low' | 'high';
  table?: SampleSizeTable;
}

export type SampleSizeMode =
  /** Type I: one instance, walked through. */
  | 'walkthrough'
  /** Automated: one instance, plus the IT general controls it relies on. */
  | 'automated'
  | 'sample'
  /** The population is no larger than the sample: every item is tested. */
  | 'test_all'
  /** Nothing to test: the population is empty (not operated, so not tested). */
  | 'none'
  /** A per-event control needs its population's size first. */
  | 'needs_population';

export interface SampleSize {
  mode: SampleSizeMode;
  size: number;
  /** The table's range, shown beside the size; null where no range applies. */
  range: SizeRange | null;
  /** The plain sentence a screen shows for why this size. */
  basis: string;
  /** The table's name and source, stated with every size. */
  tableName: string;
  source: string;
  /** Whether a deviation may be answered by expanding the sample. */
  expandable: boolean;
}

/** The table row a frequency reads; per-event controls read their population's size. */
export function sizeRangeFor(
  frequency: Frequency,
  populationSize: number | null,
  table: SampleSizeTable = DEFAULT_SAMPLE_SIZE_TABLE,
): { range: SizeRange; row: string } | null {
  if (frequency !== 'per_event')
    return { range: table.byFrequency[frequency], row: SIZE_FREQUENCY_LABELS[frequency] };
  if (populationSize === null) return null;
  const band = table.perEvent.find((b) => b.upTo === null || populationSize <= b.upTo)!;
  const below = table.perEvent[table.perEvent.indexOf(band) - 1];
  const from = below?.upTo != null ? below.upTo + 1 : 1;
  const row = band.upTo === null ? `over ${from - 1} items` : `${from}–${band.upTo} items`;
  return { range: { min: band.min, max: band.max }, row: `Per event, ${row}` };
}

const shown = (r: SizeRange) => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);

export function isLowFrequency(frequency: Frequency, populationSize: number | null): boolean {
  return (
    LOW_FREQUENCIES.includes(frequency) ||
    (populationSize !== null && populationSize <= SMALL_POPULATION)
  );
}

export function recommendSampleSize(input: SampleSizeInput): SampleSize {
  const table = input.table ?? DEFAULT_SAMPLE_SIZE_TABLE;
  const base = { tableName: table.name, source: table.source };
  const n = input.populationSize;
  if (n === 0) {
    return {
      ...base,
      mode: 'none',
      size: 0,
      range: null,
      expandable: false,
      basis:
        'The population is empty: an auditor reports the control as not operated and therefore not tested — which is not the same as operating effectively.',
    };
  }
  if (input.reportType === 'type1') {
    return {
      ...base,
      mode: 'walkthrough',
      size: 1,
      range: null,
      expandable: false,
      basis:
        'Type I: no sampling — one instance is walked through to show the control is designed and in place at the as-of date.',
    };
  }
  if (input.nature === 'automated' && input.itgcs !== 'failing') {
    return {
      ...base,
      mode: 'automated',
      size: 1,
      range: table.byFrequency.continuous,
      expandable: false,
      basis:
        'Automated: one instance of its configuration, plus the IT general controls it relies on (change management CC8.1, access CC6.x) — if those fail, it is sampled like a manual control.',
    };
  }
  const found = sizeRangeFor(input.frequency, n, table);
  if (!found) {
    return {
      ...base,
      mode: 'needs_population',
      size: 0,
      range: null,
      expandable: false,
      basis:
        'A per-event control is sampled from its population: record the population (from the system that triggers the control) to size the sample.',
    };
  }
  const { range, row } = found;
  const planned = input.level === 'high' ? range.max : range.min;
  if (n !== null && n <= planned) {
    return {
      ...base,
      mode: 'test_all',
      size: n,
      range,
      expandable: false,
      basis: `${row}: ${shown(range)} per the table, and the population has only ${n} item${n === 1 ? '' : 's'}, so every one is tested.`,
    };
  }
  return {
    ...base,
    mode: 'sample',
    size: planned,
    range,
    expandable: !isLowFrequency(input.frequency, n),
    basis: `${row}: ${shown(range)} items per the table; ${planned} chosen (${input.level === 'high' ? 'the top of the range: more reliance or higher risk' : 'the low end: no deviations expected'}).`,
  };
}

export interface Expansion {
  allowed: boolean;
  /** The size the sample grows to (capped at the population), when allowed. */
  to: number | null;
  reason: string;
}

/**
 * After a deviation: the next size of the ladder above the current sample, capped at the
 * population. Refused for low-frequency controls and when every item is already tested.
 */
export function expansionAfterDeviation(input: {
  frequency: Frequency;
  currentSize: number;
  populationSize: number;
  table?: SampleSizeTable;
}): Expansion {
  const table = input.table ?? DEFAULT_SAMPLE_SIZE_TABLE;
  if (isLowFrequency(input.frequency, input.populationSize)) {
    return {
      allowed: false,
      to: null,
      reason:
        'A low-frequency control cannot be expanded: its whole population is a handful of items, so the deviation stands as found.',
    };
  }
  if (input.currentSize >= input.populationSize) {
    return {
      allowed: false,
      to: null,
      reason: 'Every item of the population is already tested: there is nothing to add.',
    };
  }
  const next = table.expansionLadder.find((s) => s > input.currentSize);
  const to = Math.min(next ?? input.populationSize, input.populationSize);
  return {
    allowed: true,
    to,
    reason: `Expand from ${input.currentSize} to ${to} items (firm practice varies; agree it with your auditor). One more deviation in the expanded sample usually means the control is not operating effectively.`,
  };
}

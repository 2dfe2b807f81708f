import type { z } from 'zod';

/**
 * Inputs for the API fuzz test, generated from a method's zod input schema (zod 4 definitions):
 * valid shapes filled with plausible or hostile values, and valid inputs mutated. Deterministic
 * for a given random source, so a failing seed replays.
 */

type Def = Record<string, unknown> & { type: string };
type Random = () => number;

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Strings no handler should choke on: broken text, control characters, paths, injection. */
export function hostileStrings(files: FuzzFiles): string[] {
  return [
    '',
    ' ',
    '\uD800',
    'half \uDBFF an emoji',
    'x\uDC00y',
    'nul\u0000inside',
    'bell\u0007',
    '\u001b[31mred',
    '\u009b csi',
    'tab\tand\nlines\r\n',
    '\u202eright-to-left',
    'zero\u200bwidth',
    '\ufeffbom',
    'e\u0301 and é',
    '🎉🙂',
    'x'.repeat(300),
    'y'.repeat(100_000),
    '__proto__',
    'constructor',
    'toString',
    '%s%n%x',
    '${7*7}',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    "' OR 1=1 --",
    'NaN',
    '-1',
    '2026-02-30',
    '0000-00-00',
    '9999-12-31',
    '2026-13-01T25:61:61Z',
    '../../etc/passwd',
    'C:\\Windows\\system32',
    '/dev/zero',
    '/etc/passwd',
    '/',
    files.fifo,
    files.folder,
    files.missing,
    files.loop,
  ];
}

const HOSTILE_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e-9,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

const PLAUSIBLE_NUMBERS = [1, 0, 2, 3, 5, 10, 50, 100, 1000, 2026, -1, 0.5];

/** Files on this computer the fuzz may name (all inside its temporary folder, or refused). */
export interface FuzzFiles {
  fifo: string;
  folder: string;
  missing: string;
  loop: string;
  csv: string;
  small: string;
}

/** What valid values look like in the open vault: its ids by prefix, references, dates. */
export interface FuzzPool {
  ids: string[][];
  words: string[];
  byKey: Record<string, string[]>;
}

export interface GenOptions {
  /** Chance that a value is replaced by a hostile one (per value). 0: as valid as we can. */
  hostility: number;
}

const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** A value of a wrong type for wherever it lands. */
export function wrongType(random: Random, hostile: readonly string[]): unknown {
  return pick(random, [
    null,
    undefined,
    true,
    42,
    -1,
    'text',
    [],
    [1, 'two', null],
    {},
    { nested: { deeper: [] } },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    pick(random, hostile),
  ]);
}

function hostileValue(random: Random, hostile: readonly string[]): unknown {
  const r = random();
  if (r < 0.55) return pick(random, hostile);
  if (r < 0.75) return pick(random, HOSTILE_NUMBERS);
  return wrongType(random, hostile);
}

/** The first candidate the schema accepts, in a random order; the last one when none does. */
function accepted(random: Random, schema: unknown, candidates: unknown[]): unknown {
  const shuffled = [...candidates].sort(() => random() - 0.5);
  for (const c of shuffled) if ((schema as z.ZodType).safeParse(c).success) return c;
  return shuffled[0];
}

export class InputGenerator {
  readonly hostile: readonly string[];

  constructor(
    private readonly random: Random,
    private readonly pool: FuzzPool,
    files: FuzzFiles,
  ) {
    this.hostile = hostileStrings(files);
  }

  generate(schema: unknown, options: GenOptions, key = ''): unknown {
    if (options.hostility > 0 && this.random() < options.hostility)
      return hostileValue(this.random, this.hostile);
    const def = defOf(schema);
    const r = this.random;
    switch (def.type) {
      case 'string': {
        // What this key names where the vault has it (a file, a job, a starter risk), mostly.
        const byKey = this.pool.byKey[key] ?? [];
        if (byKey.length > 0 && r() < 0.85) return accepted(r, schema, byKey);
        const ids = this.pool.ids.map((group) => pick(r, group));
        return accepted(r, schema, [...ids, ...this.pool.words]);
      }
      case 'number':
        return accepted(r, schema, PLAUSIBLE_NUMBERS);
      case 'boolean':
        return r() < 0.5;
      case 'enum':
        return pick(r, Object.values(def.entries as Record<string, unknown>));
      case 'literal':
        return pick(r, def.values as unknown[]);
      case 'optional':
      case 'default':
      case 'prefault':
        return r() < 0.3 ? undefined : this.generate(def.innerType, options, key);
      case 'nullable':
        return r() < 0.2 ? null : this.generate(def.innerType, options, key);
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        return this.generate(def.innerType, options, key);
      case 'pipe':
        return this.generate(def.in, options, key);
      case 'lazy':
        return this.generate((def.getter as () => unknown)(), options, key);
      case 'union':
        return this.generate(pick(r, def.options as unknown[]), options, key);
      case 'array': {
        const roll = r();
        const length = roll < 0.25 ? 0 : roll < 0.97 ? 1 + Math.floor(r() * 3) : 5_000;
        const element = this.generate(def.element, options, key);
        // A huge array repeats one element: its size is the point, not its variety.
        if (length > 10) return Array.from({ length }, () => element);
        return Array.from({ length }, (_, i) =>
          i === 0 ? element : this.generate(def.element, options, key),
        );
      }
      case 'record': {
        const out: Record<string, unknown> = {};
        for (let i = Math.floor(r() * 3); i > 0; i--)
          out[String(this.generate(def.keyType, options))] = this.generate(def.valueType, options);
        return out;
      }
      case 'object': {
        // Rules across fields (a period's end after its start, Type I without a period) are
        // met by trying again, a few times, when the input is meant to be valid.
        let out: Record<string, unknown> = {};
        for (let attempt = 0; attempt < (options.hostility > 0 ? 1 : 6); attempt++) {
          out = {};
          for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
            const value = this.generate(v, options, k);
            if (value !== undefined) out[k] = value;
          }
          if ((schema as z.ZodType).safeParse(out).success) break;
        }
        return out;
      }
      case 'transform':
      case 'never':
      case 'unknown':
      case 'any':
        return wrongType(r, this.hostile);
      default:
        throw new Error(`The fuzz generator does not know zod type "${def.type}"; teach it.`);
    }
  }

  /** A valid-looking input with one to three things changed: a value, a key removed or added. */
  mutate(input: unknown): unknown {
    const copy = structuredClone(input) as unknown;
    for (let n = 1 + Math.floor(this.random() * 3); n > 0; n--) this.mutateOnce(copy);
    return copy;
  }

  private mutateOnce(root: unknown): void {
    const containers: Record<string, unknown>[] = [];
    const visit = (v: unknown) => {
      if (v && typeof v === 'object') {
        containers.push(v as Record<string, unknown>);
        for (const child of Object.values(v)) visit(child);
      }
    };
    visit(root);
    if (containers.length === 0) return;
    const target = pick(this.random, containers);
    const keys = Object.keys(target);
    const roll = this.random();
    if (roll < 0.5 && keys.length > 0) {
      target[pick(this.random, keys)] = hostileValue(this.random, this.hostile);
    } else if (roll < 0.7 && keys.length > 0) {
      delete target[pick(this.random, keys)];
    } else if (roll < 0.85) {
      target[pick(this.random, ['extra', 'constructor', 'prototype', 'id', ''])] = 1;
    } else {
      // An own property named __proto__ (as JSON.parse makes one), not the prototype.
      Object.defineProperty(target, '__proto__', {
        value: { polluted: true },
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
  }
}

/** A replayable description of an input: long strings abbreviated, odd values spelled out. */
export function describeInput(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.length > 120) return `${v.slice(0, 40)}… (${v.length} chars)`;
    if (typeof v === 'number' && !Number.isFinite(v)) return `<${String(v)}>`;
    if (v === undefined) return '<undefined>';
    if (Array.isArray(v) && v.length > 10) return [`<${v.length} × ${JSON.stringify(v[0])}>`];
    return v;
  });
}

import { randomBytes } from 'node:crypto';

/** Generates record ids such as `per_4k2j9x7q1m`. Deterministic in tests. */
export interface IdSource {
  next(prefix: string): string;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export const randomIds: IdSource = {
  next(prefix) {
    const bytes = randomBytes(12);
    let s = '';
    for (const b of bytes) s += ALPHABET[b % 32];
    return `${prefix}_${s}`;
  },
};

export function sequentialIds(): IdSource {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${String(n).padStart(4, '0')}`;
    },
  };
}

import type { ZodType } from 'zod';

interface Sized {
  maxLength?: number | null;
  unwrap?: () => Sized;
  shape?: Record<string, Sized>;
}

/**
 * The most characters the contract accepts for `field` of an object schema (its `text({ max })`),
 * or null when the field has no length limit. Forms show it (a counter, `maxLength`) so a limit
 * is seen before it bites.
 */
export function maxLengthOf(schema: ZodType, field: string): number | null {
  let node = (schema as unknown as Sized).shape?.[field];
  for (let depth = 0; node && depth < 5; depth++) {
    if (typeof node.maxLength === 'number') return node.maxLength;
    node = node.unwrap?.();
  }
  return null;
}

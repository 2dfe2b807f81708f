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

/** From this share of its limit on, a text shows how much room is left. */
const NEAR_LIMIT = 0.8;

/**
 * "270 / 300" once a text comes near its limit (nothing before: a counter on every field is
 * noise), so the limit is seen before it bites.
 */
export function limitHint(value: string, max: number | null | undefined): string | undefined {
  if (!max || value.length < max * NEAR_LIMIT) return undefined;
  return `${value.length.toLocaleString()} / ${max.toLocaleString()}`;
}

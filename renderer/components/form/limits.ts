import type { ZodType } from 'zod';

interface Sized {
  maxLength?: number | null;
  unwrap?: () => Sized;
  shape?: Record<string, Sized>;
  element?: Sized;
}

/** The node itself, or what an optional / nullable / default / list wraps, until one has `key`. */
function reach(node: Sized | undefined, has: (n: Sized) => boolean): Sized | undefined {
  for (let depth = 0; node && depth < 6; depth++) {
    if (has(node)) return node;
    node = node.element ?? node.unwrap?.();
  }
  return undefined;
}

/**
 * The most characters the contract accepts for `field` of an object schema (its `text({ max })`),
 * or null when the field has no length limit. Forms show it (a counter, `maxLength`) so a limit
 * is seen before it bites.
 */
export function maxLengthOf(schema: ZodType, field: string): number | null {
  // A dotted path reaches into objects and lists: `contacts.name` is each contact's name.
  let node: Sized | undefined = schema as unknown as Sized;
  for (const key of field.split('.')) node = reach(node, (n) => !!n.shape)?.shape?.[key];
  const sized = reach(node, (n) => typeof n.maxLength === 'number');
  return sized?.maxLength ?? null;
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

/**
 * `maxLength` and, near the limit, the counter (after the field's own description) for a text
 * field of `schema`: `<TextInput {...limitProps(schema, 'title', value)} />`.
 */
export function limitProps(
  schema: ZodType,
  field: string,
  value: string | null | undefined,
  description?: string,
): { maxLength?: number; description?: string } {
  const max = maxLengthOf(schema, field);
  const hint = limitHint(value ?? '', max);
  const text = [description, hint].filter(Boolean).join(' · ');
  return {
    ...(max ? { maxLength: max } : {}),
    ...(text ? { description: text } : {}),
  };
}

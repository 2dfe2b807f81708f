import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { text, vetted } from './text';

/** A calendar date, `YYYY-MM-DD`, checked against the calendar (no 2026-02-30). */
export const isoDate = vetted(
  z.string().refine(isIsoDate, { message: 'Use a calendar date written as YYYY-MM-DD' }),
);

/** A UTC instant such as `2026-11-26T09:30:00.000Z`. */
export const isoInstant = vetted(
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, {
    message: 'Use a UTC instant such as 2026-11-26T09:30:00Z',
  }),
);

/** Paging for lists that can grow: an opaque cursor from the previous page. */
export const pageInput = z.object({
  limit: z.number().int().min(1).max(1000).default(100),
  cursor: text({ max: 200 }).optional(),
});

/** A page of a list: its items, the cursor of the next page (null at the end), and the total. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    /** How many items match the filters, counted by SQL. */
    total: z.number().int(),
  });
}

/** A list's sort: one of its keys and a direction. */
export function sortOf<K extends readonly [string, ...string[]]>(keys: K) {
  return z.object({ key: z.enum(keys), dir: z.enum(['asc', 'desc']) }).strict();
}

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

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

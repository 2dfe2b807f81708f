/**
 * Every page of a paged list, for the screens that still hold a whole list at once (the board,
 * the register, the people directory). Stops early when `stale()` says the answer is no longer
 * wanted (a newer load started).
 */
export async function allPages<P extends { items: unknown[]; nextCursor: string | null }>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  stale: () => boolean = () => false,
): Promise<{ items: P['items']; first: P } | null> {
  const items: P['items'] = [];
  let first: P | undefined;
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    if (stale()) return null;
    first ??= page;
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, first: first! };
}

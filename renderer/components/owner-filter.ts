/** The value of an owner filter that keeps only records nobody owns. */
export const NO_OWNER = 'none';

/**
 * Whether a record passes an owner filter: null lets everyone through, NO_OWNER keeps records
 * without an owner, a person id keeps theirs.
 */
export function matchesOwner(filter: string | null, ownerId: string | null): boolean {
  if (!filter) return true;
  return filter === NO_OWNER ? ownerId === null : ownerId === filter;
}

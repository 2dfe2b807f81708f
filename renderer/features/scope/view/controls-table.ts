import type { Input } from '../../../../shared/api/index';
import type { ControlFilters } from './view-store';

/** One page of the table: the large demo's controls fill two. */
export const CONTROL_PAGE_SIZE = 200;

/**
 * The table's filters and order as `controls.list` takes them (the server filters, sorts and
 * pages): the search trimmed and left out when empty, archived controls only when asked for.
 */
export function controlListInput(filters: ControlFilters): Input<'controls.list'> {
  const search = filters.search.trim();
  return {
    includeArchived: filters.showArchived,
    sort: filters.sort,
    limit: CONTROL_PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(filters.domain ? { domain: filters.domain } : {}),
  };
}

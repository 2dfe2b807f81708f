import type { Control } from '../../../../shared/api/controls';
import { DOMAIN_LABELS, FREQUENCIES } from '../../../../shared/domain/catalog';
import type { ControlFilters, ControlSortKey } from './view-store';

/** Sort key values: references naturally (AC-2 before AC-10), frequency from annual to per event. */
function keyOf(
  c: Control,
  key: ControlSortKey,
  ownerName: (id: string | null) => string,
): string | number {
  switch (key) {
    case 'ref':
      return c.ref;
    case 'title':
      return c.title.toLowerCase();
    case 'domain':
      return DOMAIN_LABELS[c.domain];
    case 'owner':
      return ownerName(c.ownerId) || '\uffff';
    case 'frequency':
      return FREQUENCIES.indexOf(c.frequency);
    case 'criteria':
      return c.criteria.length;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The controls shown: filtered by words, domain and archived, then sorted (ties by reference). */
export function visibleControls(
  controls: readonly Control[],
  filters: ControlFilters,
  ownerName: (id: string | null) => string,
): Control[] {
  const needle = filters.search.trim().toLowerCase();
  const shown = controls.filter(
    (c) =>
      (filters.showArchived || !c.archived) &&
      (!filters.domain || c.domain === filters.domain) &&
      (!needle ||
        [c.ref, c.title, c.description, ownerName(c.ownerId), ...c.criteria]
          .join(' ')
          .toLowerCase()
          .includes(needle)),
  );
  const { key, dir } = filters.sort;
  const sign = dir === 'asc' ? 1 : -1;
  return shown.sort((a, b) => {
    const x = keyOf(a, key, ownerName);
    const y = keyOf(b, key, ownerName);
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : collator.compare(String(x), String(y));
    return order * sign || collator.compare(a.ref, b.ref);
  });
}

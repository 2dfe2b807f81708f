import { type Selection, isSelected } from '../../../components/table/selection';

/**
 * The shown rows a selection ticks, in the order shown: what a bulk change applies to. A row
 * ticked, then hidden by a filter, is left out.
 */
export function tickedAmong(selection: Selection, shownIds: readonly string[]): string[] {
  return shownIds.filter((id) => isSelected(selection, id));
}

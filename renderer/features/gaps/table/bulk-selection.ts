import type { AssessedControlFilter } from '../../../../shared/api/gaps';
import { type Selection, isSelected, selectedCount } from '../../../components/table/selection';

/** The controls a bulk status change applies to, as `assessments.setMany` names them. */
export type BulkTarget =
  | { kind: 'ids'; controlIds: string[]; count: number; refs: string[] }
  | {
      kind: 'matching';
      matching: AssessedControlFilter;
      except: string[];
      count: number;
      /** The ticked rows the window has loaded (the dialog names a few). */
      refs: string[];
    };

/**
 * Ticked rows go by id, in the order shown; a ticked row no longer shown (a re-read left it out)
 * does not count. "Every matching" goes as the table's own filter, less the rows unticked since,
 * and the server resolves it — rows the window never loaded included.
 */
export function bulkTarget(
  selection: Selection,
  shown: readonly { id: string; ref: string }[],
  matching: AssessedControlFilter,
  total: number,
): BulkTarget {
  const ticked = shown.filter((r) => isSelected(selection, r.id));
  const refs = ticked.map((r) => r.ref);
  if (selection.kind === 'some') {
    return { kind: 'ids', controlIds: ticked.map((r) => r.id), count: ticked.length, refs };
  }
  return {
    kind: 'matching',
    matching,
    except: [...selection.except],
    count: selectedCount(selection, total),
    refs,
  };
}

/** The part of `assessments.setMany`'s input that says which controls. */
export function whichControls(
  target: BulkTarget,
): { controlIds: string[] } | { matching: AssessedControlFilter; except?: string[] } {
  if (target.kind === 'ids') return { controlIds: target.controlIds };
  return target.except.length > 0
    ? { matching: target.matching, except: target.except }
    : { matching: target.matching };
}

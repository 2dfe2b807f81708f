/**
 * What a table has ticked: some rows by id, or every row matching the current filters —
 * loaded or not — minus the ones unticked since. "All matching" is answered by the server
 * (the parent sends the filters, never a list of ids it has not seen).
 */
export type Selection =
  { kind: 'some'; ids: ReadonlySet<string> } | { kind: 'allMatching'; except: ReadonlySet<string> };

export const NOTHING_SELECTED: Selection = { kind: 'some', ids: new Set() };

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'some' ? selection.ids.has(id) : !selection.except.has(id);
}

export function toggle(selection: Selection, id: string): Selection {
  const flip = (set: ReadonlySet<string>) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  return selection.kind === 'some'
    ? { kind: 'some', ids: flip(selection.ids) }
    : { kind: 'allMatching', except: flip(selection.except) };
}

/** How many rows are ticked, out of `total` matching. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.kind === 'some'
    ? selection.ids.size
    : Math.max(0, total - selection.except.size);
}

/** The header checkbox: ticks every loaded row, or clears when all of them are ticked. */
export function toggleLoaded(selection: Selection, loadedIds: readonly string[]): Selection {
  const all = loadedIds.length > 0 && loadedIds.every((id) => isSelected(selection, id));
  if (all) return NOTHING_SELECTED;
  if (selection.kind === 'allMatching') return selection;
  return { kind: 'some', ids: new Set([...selection.ids, ...loadedIds]) };
}

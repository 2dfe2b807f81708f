/**
 * Which rows of a long list to draw: those in the scrolled viewport plus a margin either side,
 * with the height of the rows left out above and below (so the scroll bar stays true).
 */
export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
  padTop: number;
  padBottom: number;
}

export function windowRange(opts: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}): WindowRange {
  const { rowHeight, count } = opts;
  const overscan = opts.overscan ?? 10;
  if (count === 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, opts.scrollTop) / rowHeight);
  // Before the viewport is measured, draw a screenful rather than nothing.
  const visible = opts.viewportHeight > 0 ? Math.ceil(opts.viewportHeight / rowHeight) : 20;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** The scroll position that brings a row into view, or null when it already is. */
export function scrollToShow(opts: {
  index: number;
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  /** Space the sticky header covers at the top of the viewport. */
  headerHeight: number;
}): number | null {
  const top = opts.index * opts.rowHeight;
  const bottom = top + opts.rowHeight;
  const visibleTop = opts.scrollTop;
  const visibleBottom = opts.scrollTop + opts.viewportHeight - opts.headerHeight;
  if (top < visibleTop) return top;
  if (bottom > visibleBottom) return bottom - (opts.viewportHeight - opts.headerHeight);
  return null;
}

/** Close enough to the end of what is loaded to ask for the next page. */
export const nearTheEnd = (range: WindowRange, loaded: number, margin = 30) =>
  range.end >= loaded - margin;

import { type KeyboardEvent, type UIEvent, useEffect, useRef, useState } from 'react';
import { scrollToShow, windowRange } from './window-range';

/**
 * A long table drawn a window at a time, with the keyboard of every record table: one row in
 * the tab order (roving focus), j/k or the arrows move, Home/End jump, Enter opens. A row
 * moved to off-screen is scrolled into view first, then focused once it is drawn.
 */
export function useWindowedRows(opts: {
  count: number;
  rowHeight: number;
  headerHeight: number;
  onOpen(index: number): void;
  onRange?(range: ReturnType<typeof windowRange>): void;
  /** A new order or filter starts again at the top. */
  resetKey?: string;
}) {
  const { count, rowHeight, headerHeight } = opts;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(0);
  const current = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry?.contentRect.height ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const range = windowRange({
    scrollTop,
    viewportHeight: Math.max(0, height - headerHeight),
    rowHeight,
    count,
  });

  // The scroll event that follows brings the drawn window along.
  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
  }, [opts.resetKey]);

  // Focus the row the keyboard moved to, once it has been drawn.
  useEffect(() => {
    if (focusWanted === 0) return;
    viewport.current
      ?.querySelector<HTMLElement>(`[data-row="${current}"]`)
      ?.focus({ preventScroll: true });
  }, [focusWanted, current]);

  const moveTo = (index: number) => {
    const next = Math.min(count - 1, Math.max(0, index));
    const el = viewport.current;
    if (el) {
      const top = scrollToShow({
        index: next,
        scrollTop: el.scrollTop,
        viewportHeight: el.clientHeight,
        rowHeight,
        headerHeight,
      });
      if (top !== null) {
        el.scrollTop = top;
        setScrollTop(top);
      }
    }
    setActive(next);
    setFocusWanted((n) => n + 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (e.target as HTMLElement).dataset.row;
    if (row === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(row);
    const page = Math.max(1, Math.floor((height - headerHeight) / rowHeight) - 1);
    const move: Record<string, number> = {
      j: index + 1,
      ArrowDown: index + 1,
      k: index - 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    if (e.key in move) moveTo(move[e.key]!);
    else if (e.key === 'Enter' || e.key === ' ') opts.onOpen(index);
    else return;
    e.preventDefault();
  };

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const top = e.currentTarget.scrollTop;
    setScrollTop(top);
    opts.onRange?.(
      windowRange({ scrollTop: top, viewportHeight: height - headerHeight, rowHeight, count }),
    );
  };

  const rowProps = (index: number) => ({
    'data-row': index,
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
    onClick: () => {
      setActive(index);
      opts.onOpen(index);
    },
  });

  return { viewportProps: { ref: viewport, onScroll }, bodyProps: { onKeyDown }, rowProps, range };
}

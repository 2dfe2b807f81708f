import { type KeyboardEvent, type RefObject, useEffect, useState } from 'react';

/**
 * The keyboard of a virtualised record table: one row in the tab order at a time (roving
 * focus); j/k or the arrows move, PageUp/PageDown by a screenful, Home/End jump, Enter opens, Space ticks (or opens where
 * nothing is ticked). A row that is not drawn yet is scrolled to first and focused once drawn.
 * Esc belongs to the drawer, which hands focus back to the row that opened it.
 */
export function useTableKeyboard(opts: {
  count: number;
  container: RefObject<HTMLElement | null>;
  /** Rows one PageDown moves by (about a screenful). */
  pageSize?(): number;
  scrollTo(index: number): void;
  onOpen(index: number): void;
  onSpace?(index: number): void;
}) {
  const { count } = opts;
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(0);
  const current = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    if (focusWanted === 0) return;
    let tries = 0;
    let frame = 0;
    // The row may be drawn a frame or two after the scroll that brings it into view.
    const focus = () => {
      const row = opts.container.current?.querySelector<HTMLElement>(`[data-row="${current}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (tries++ < 10) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per requested move
  }, [focusWanted]);

  const moveTo = (index: number) => {
    const next = Math.min(count - 1, Math.max(0, index));
    opts.scrollTo(next);
    setActive(next);
    setFocusWanted((n) => n + 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const row = (e.target as HTMLElement).dataset.row;
    if (row === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = moveTarget(e.key, Number(row), count, opts.pageSize?.() ?? 10);
    const index = Number(row);
    if (target !== null) moveTo(target);
    else if (e.key === 'Enter') opts.onOpen(index);
    else if (e.key === ' ') (opts.onSpace ?? opts.onOpen)(index);
    else return;
    e.preventDefault();
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

  return { bodyProps: { onKeyDown }, rowProps };
}

/**
 * The row a key moves to from `index` (null: the key is not a move): j/k or the arrows by one,
 * PageDown/PageUp by `page`, Home/End to either end; never past the list.
 */
export function moveTarget(key: string, index: number, count: number, page: number): number | null {
  const step = Math.max(1, page);
  const moves: Record<string, number> = {
    j: index + 1,
    ArrowDown: index + 1,
    k: index - 1,
    ArrowUp: index - 1,
    PageDown: index + step,
    PageUp: index - step,
    Home: 0,
    End: count - 1,
  };
  if (!(key in moves) || count === 0) return null;
  return Math.min(count - 1, Math.max(0, moves[key]!));
}

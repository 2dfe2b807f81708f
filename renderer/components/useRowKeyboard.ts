import { type KeyboardEvent, useCallback, useRef, useState } from 'react';

/**
 * Keyboard for a table of records: one row is in the tab order at a time (roving focus); j/k or
 * the arrows move, Home/End jump, Enter opens. Space opens too, unless the table gives it
 * another job (`onSpace`, e.g. ticking the row in a table with multi-select). Esc is the
 * drawer's (it closes and gives focus back to the row that opened it).
 */
export function useRowKeyboard(
  count: number,
  onOpen: (index: number) => void,
  onSpace: (index: number) => void = onOpen,
) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(0, count - 1));

  const focusRow = useCallback((index: number) => {
    body.current?.querySelector<HTMLElement>(`[data-row="${index}"]`)?.focus();
    setActive(index);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (e.target as HTMLElement).dataset.row;
    if (row === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(row);
    const move: Record<string, number> = {
      j: index + 1,
      ArrowDown: index + 1,
      k: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
    };
    if (e.key in move) {
      focusRow(Math.min(count - 1, Math.max(0, move[e.key]!)));
    } else if (e.key === 'Enter') {
      onOpen(index);
    } else if (e.key === ' ') {
      onSpace(index);
    } else {
      return;
    }
    e.preventDefault();
  };

  const rowProps = (index: number) => ({
    'data-row': index,
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
    onClick: () => {
      setActive(index);
      onOpen(index);
    },
  });

  return { bodyProps: { ref: body, onKeyDown }, rowProps };
}

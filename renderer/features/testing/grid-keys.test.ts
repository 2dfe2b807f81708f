import { describe, expect, it } from 'vitest';
import { gridKeyAction, moveWithin } from './grid-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('the attribute grid keyboard', () => {
  it('moves with arrows and j/k/h/l, sets with p/f/n, opens the note with Enter', () => {
    expect(gridKeyAction(key('j'))).toEqual({ kind: 'move', rows: 1, cols: 0 });
    expect(gridKeyAction(key('ArrowUp'))).toEqual({ kind: 'move', rows: -1, cols: 0 });
    expect(gridKeyAction(key('ArrowRight'))).toEqual({ kind: 'move', rows: 0, cols: 1 });
    expect(gridKeyAction(key('f'))).toEqual({ kind: 'set', result: 'fail' });
    expect(gridKeyAction(key('P'))).toEqual({ kind: 'set', result: 'pass' });
    expect(gridKeyAction(key('n'))).toEqual({ kind: 'set', result: 'na' });
    expect(gridKeyAction(key('Enter'))).toEqual({ kind: 'open' });
  });

  it('leaves shortcuts with a modifier (Ctrl+F, Ctrl+K) to the app', () => {
    expect(gridKeyAction(key('f', { ctrlKey: true }))).toBeNull();
    expect(gridKeyAction(key('x'))).toBeNull();
  });

  it('keeps the active cell inside the grid', () => {
    const size = { rows: 3, cols: 2 };
    expect(moveWithin({ row: 2, col: 1 }, { rows: 1, cols: 1 }, size)).toEqual({ row: 2, col: 1 });
    expect(moveWithin({ row: 0, col: 0 }, { rows: -1, cols: -1 }, size)).toEqual({
      row: 0,
      col: 0,
    });
    expect(moveWithin({ row: 0, col: 0 }, { rows: 1, cols: 1 }, size)).toEqual({ row: 1, col: 1 });
  });
});

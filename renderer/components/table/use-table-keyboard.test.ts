import { describe, expect, it } from 'vitest';
import { moveTarget } from './use-table-keyboard';

describe('the table keyboard', () => {
  it('moves by one with j/k and the arrows, by a page with PageUp/PageDown, never past the list', () => {
    expect(moveTarget('j', 3, 10, 4)).toBe(4);
    expect(moveTarget('ArrowUp', 3, 10, 4)).toBe(2);
    expect(moveTarget('k', 0, 10, 4)).toBe(0);
    expect(moveTarget('PageDown', 3, 10, 4)).toBe(7);
    expect(moveTarget('PageDown', 8, 10, 4)).toBe(9);
    expect(moveTarget('PageUp', 3, 10, 4)).toBe(0);
    expect(moveTarget('End', 0, 5000, 4)).toBe(4999);
    expect(moveTarget('Home', 70, 5000, 4)).toBe(0);
  });

  it('moves by at least one row on a box too small to hold a page, and ignores other keys', () => {
    expect(moveTarget('PageDown', 2, 10, 0)).toBe(3);
    expect(moveTarget('PageUp', 2, 10, -1)).toBe(1);
    expect(moveTarget('Enter', 2, 10, 4)).toBeNull();
    expect(moveTarget('x', 2, 10, 4)).toBeNull();
    expect(moveTarget('j', 0, 0, 4)).toBeNull();
  });
});

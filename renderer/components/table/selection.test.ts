import { describe, expect, it } from 'vitest';
import {
  NOTHING_SELECTED,
  type Selection,
  isSelected,
  selectedCount,
  toggle,
  toggleLoaded,
} from './selection';

describe('table selection', () => {
  it('ticks and unticks rows one by one', () => {
    const one = toggle(NOTHING_SELECTED, 'a');
    expect(isSelected(one, 'a')).toBe(true);
    expect(selectedCount(one, 10)).toBe(1);
    expect(isSelected(toggle(one, 'a'), 'a')).toBe(false);
  });

  it('"all matching" counts rows not loaded yet, minus those unticked since', () => {
    const all: Selection = { kind: 'allMatching', except: new Set() };
    expect(isSelected(all, 'never-loaded')).toBe(true);
    const lessOne = toggle(all, 'b');
    expect(isSelected(lessOne, 'b')).toBe(false);
    expect(selectedCount(lessOne, 1234)).toBe(1233);
  });

  it('the header box ticks the loaded rows, and clears once they all are', () => {
    const loaded = toggleLoaded(toggle(NOTHING_SELECTED, 'a'), ['a', 'b', 'c']);
    expect(selectedCount(loaded, 100)).toBe(3);
    expect(toggleLoaded(loaded, ['a', 'b', 'c'])).toEqual(NOTHING_SELECTED);
  });
});

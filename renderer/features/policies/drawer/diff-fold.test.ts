import { describe, expect, it } from 'vitest';
import { type Line, foldUnchanged, removedFirst } from './diff-fold';

const same = (n: number): Line => ({ kind: 'same', text: `line ${n}`, oldLine: n, newLine: n });

describe('the diff of two policy versions', () => {
  it('keeps two unchanged lines around each change and folds the runs beyond, counting them', () => {
    const lines: Line[] = [
      ...[1, 2, 3, 4, 5].map(same),
      { kind: 'added', text: 'new', newLine: 6 },
      ...[6, 7, 8, 9, 10, 11].map(same),
    ];
    const shown = foldUnchanged(lines);
    expect(shown.map((s) => ('folded' in s ? `…${s.folded}` : s.line.kind))).toEqual([
      '…3',
      'same',
      'same',
      'added',
      'same',
      'same',
      '…4',
    ]);
  });

  it('folds nothing when every line is near a change, and everything when nothing changed', () => {
    const changed: Line = { kind: 'removed', text: 'old', oldLine: 2 };
    expect(foldUnchanged([same(1), changed, same(3)]).every((s) => 'line' in s)).toBe(true);
    expect(foldUnchanged([same(1), same(2)])).toEqual([{ folded: 2, key: 'fold-end' }]);
  });

  it('shows a replaced word as a redline: the removed word before the one replacing it', () => {
    expect(
      removedFirst([
        { kind: 'same', text: '- Every ' },
        { kind: 'added', text: 'month,' },
        { kind: 'removed', text: 'quarter,' },
        { kind: 'same', text: ' system owners' },
      ]).map((w) => w.text),
    ).toEqual(['- Every ', 'quarter,', 'month,', ' system owners']);
  });
});

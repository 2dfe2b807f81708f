import { describe, expect, it } from 'vitest';
import { NOTHING_SELECTED, toggle, toggleLoaded } from '../../../components/table/selection';
import { tickedAmong } from './bulk-selection';

describe('the controls a bulk status change applies to', () => {
  it('are the ticked rows still shown, in the order shown', () => {
    let selection = toggle(NOTHING_SELECTED, 'c3');
    selection = toggle(selection, 'c1');
    selection = toggle(selection, 'c9');
    expect(tickedAmong(selection, ['c1', 'c2', 'c3'])).toEqual(['c1', 'c3']);
  });

  it('are every shown row after the heading tick, less the ones unticked since', () => {
    const shown = ['c1', 'c2', 'c3'];
    const all = toggleLoaded(NOTHING_SELECTED, shown);
    expect(tickedAmong(all, shown)).toEqual(shown);
    expect(tickedAmong(toggle(all, 'c2'), shown)).toEqual(['c1', 'c3']);
  });

  it('are every shown row but the unticked ones when every matching row is ticked', () => {
    const selection = { kind: 'allMatching', except: new Set(['c2']) } as const;
    expect(tickedAmong(selection, ['c1', 'c2', 'c3'])).toEqual(['c1', 'c3']);
  });

  it('are none when a row ticked earlier is hidden by a filter', () => {
    expect(tickedAmong(toggle(NOTHING_SELECTED, 'c9'), ['c1', 'c2'])).toEqual([]);
  });
});

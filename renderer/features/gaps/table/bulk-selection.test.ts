import { describe, expect, it } from 'vitest';
import { methods } from '../../../../shared/api/index';
import { NOTHING_SELECTED, toggle, toggleLoaded } from '../../../components/table/selection';
import { bulkTarget, whichControls } from './bulk-selection';

const shown = ['c1', 'c2', 'c3'].map((id) => ({ id, ref: id.toUpperCase() }));
const real = (id: string) => `ctl_${id}`;
const filter = { status: 'not_assessed' as const, unowned: true };

describe('the controls a bulk status change applies to', () => {
  it('are the ticked rows still shown, by id in the order shown', () => {
    let selection = toggle(NOTHING_SELECTED, 'c3');
    selection = toggle(selection, 'c1');
    selection = toggle(selection, 'c9');
    const target = bulkTarget(selection, shown, filter, 3);
    expect(target).toEqual({ kind: 'ids', controlIds: ['c1', 'c3'], count: 2, refs: ['C1', 'C3'] });
    expect(whichControls(target)).toEqual({ controlIds: ['c1', 'c3'] });
  });

  it('are every loaded row after the heading tick, less the ones unticked since', () => {
    const all = toggleLoaded(NOTHING_SELECTED, ['c1', 'c2', 'c3']);
    expect(whichControls(bulkTarget(toggle(all, 'c2'), shown, filter, 3))).toEqual({
      controlIds: ['c1', 'c3'],
    });
  });

  it('are the table’s own filter, resolved by the server, when every matching row is ticked', () => {
    const every = { kind: 'allMatching', except: new Set<string>() } as const;
    const target = bulkTarget(every, shown, filter, 250);
    expect(target).toMatchObject({ kind: 'matching', count: 250, refs: ['C1', 'C2', 'C3'] });
    expect(whichControls(target)).toEqual({ matching: filter });
    const less = bulkTarget({ ...every, except: new Set([real('c2')]) }, shown, filter, 250);
    expect(less.count).toBe(249);
    const input = { ...whichControls(less), status: 'partial' as const };
    expect(input).toEqual({ matching: filter, except: [real('c2')], status: 'partial' });
    // What the contract accepts as it is.
    expect(methods['assessments.setMany'].input.safeParse(input).success).toBe(true);
  });
});

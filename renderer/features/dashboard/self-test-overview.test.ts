import { describe, expect, it } from 'vitest';
import type { Control } from '../../../shared/api/controls';
import {
  type Deviation,
  SELF_TEST_LABEL,
  type SelfTestSummary,
} from '../../../shared/api/self-tests';
import { OVERVIEW_ROWS, selfTestOverview } from './self-test-overview';

const control = (ref: string, archived = false): Control =>
  ({ id: `ctl_${ref}`, ref, title: `Title ${ref}`, archived }) as Control;

let n = 0;
/** A self-test of a control, with the wording the vault gives its result. */
const test = (ref: string, deviations: number, items = 20): SelfTestSummary =>
  ({
    id: `tst_${++n}`,
    ref: `ST-${n}`,
    controlId: `ctl_${ref}`,
    controlRef: ref,
    drawnBy: 'Priya',
    drawnAt: '2026-05-12T09:00:00.000Z',
    sampleSize: items,
    itemsTested: items,
    deviations,
    result: `Self-test: ${deviations} deviation${deviations === 1 ? '' : 's'} in ${items} items`,
    label: SELF_TEST_LABEL,
  }) as SelfTestSummary;

const deviation = (t: SelfTestSummary, over: Partial<Deviation> = {}): Deviation =>
  ({
    id: `dev_${++n}`,
    testId: t.id,
    controlId: t.controlId,
    responseMissing: true,
    withdrawn: null,
    ...over,
  }) as Deviation;

describe('selfTestOverview', () => {
  it('counts in-scope controls by their latest test: a re-test replaces the result it repeats', () => {
    const first = test('AC-1', 2);
    const retest = test('AC-1', 0);
    const other = test('CM-2', 1, 25);
    const archivedTest = test('OLD-1', 3);
    const o = selfTestOverview(
      [control('AC-1'), control('CM-2'), control('HR-3'), control('OLD-1', true)],
      [first, other, archivedTest, retest],
      [
        deviation(first),
        deviation(first),
        deviation(other),
        deviation(archivedTest),
        deviation(other, { responseMissing: false }),
      ],
    );
    expect(o).toMatchObject({ inScope: 3, tested: 2, notTested: 1, deviations: 1 });
    // Only the latest tests' deviations await a response here, answered ones not.
    expect(o.responseMissing).toBe(1);
    expect(o.rows).toEqual([
      {
        controlId: 'ctl_CM-2',
        ref: 'CM-2',
        title: 'Title CM-2',
        result: 'Self-test: 1 deviation in 25 items',
        deviations: 1,
        drawnAt: '2026-05-12T09:00:00.000Z',
        drawnBy: 'Priya',
      },
    ]);
  });

  it('a withdrawn deviation no longer awaits a response', () => {
    const t = test('AC-1', 1);
    const o = selfTestOverview(
      [control('AC-1')],
      [t],
      [deviation(t), deviation(t, { withdrawn: { reason: 'entered in error', at: 'x' } })],
    );
    expect(o.responseMissing).toBe(1);
  });

  it('lists the controls with most deviations first, at most five, counting the rest', () => {
    const refs = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7'];
    const tests = refs.map((r, i) => test(r, i === 3 ? 9 : 1));
    const o = selfTestOverview(refs.map((r) => control(r)).concat(control('B-1')), tests, []);
    expect(o.rows).toHaveLength(OVERVIEW_ROWS);
    expect(o.rows.map((r) => r.ref)).toEqual(['A-4', 'A-1', 'A-2', 'A-3', 'A-5']);
    expect(o.moreRows).toBe(2);
    expect(o.deviations).toBe(15);
    expect(o.notTested).toBe(1);
    // The per-control wording is the self-test's own, never an auditor's phrase.
    for (const r of o.rows) {
      expect(r.result).toMatch(/^Self-test: \d+ deviations? in \d+ items$/);
      expect(r.result).not.toMatch(/no exceptions|passed/i);
    }
  });

  it('before any test: every in-scope control is not yet tested and nothing is listed', () => {
    const o = selfTestOverview([control('AC-1'), control('AC-2')], [], []);
    expect(o).toEqual({
      inScope: 2,
      tested: 0,
      notTested: 2,
      deviations: 0,
      responseMissing: 0,
      rows: [],
      moreRows: 0,
    });
  });
});

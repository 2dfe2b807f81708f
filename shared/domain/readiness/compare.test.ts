import { describe, expect, it } from 'vitest';
import { compareCriteria, compareFindings } from './compare';
import type { Finding } from './finding';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'control_owner',
  severity: 'major',
  object: 'AC-01 Access reviews',
  message: 'No owner',
  fix: 'Name an owner',
  target: { screen: 'control', id: 'ctl_1' },
  ...over,
});

describe('compareFindings', () => {
  it.each([
    ['a finding gone is improved', [finding({})], [], { improved: 1, regressed: 0, unchanged: 0 }],
    ['a new finding is regressed', [], [finding({})], { improved: 0, regressed: 1, unchanged: 0 }],
    [
      'the same one is unchanged',
      [finding({})],
      [finding({})],
      { improved: 0, regressed: 0, unchanged: 1 },
    ],
    [
      'a renamed control is the same object',
      [finding({ object: 'AC-01 Old title' })],
      [finding({ object: 'AC-01 New title' })],
      { improved: 0, regressed: 0, unchanged: 1 },
    ],
    [
      'a reworded message is not a change',
      [finding({ message: 'Nobody owns it' })],
      [finding({})],
      { improved: 0, regressed: 0, unchanged: 1 },
    ],
    [
      'another control is another object',
      [finding({})],
      [finding({ target: { screen: 'control', id: 'ctl_2' } })],
      { improved: 1, regressed: 1, unchanged: 0 },
    ],
    [
      'without a record, the label is the object',
      [
        finding({
          rule: 'risk_assessment_recent',
          object: 'Risk register',
          target: { screen: 'risks' },
        }),
      ],
      [
        finding({
          rule: 'risk_assessment_recent',
          object: 'Risk register',
          target: { screen: 'risks' },
        }),
      ],
      { improved: 0, regressed: 0, unchanged: 1 },
    ],
    [
      'two findings of one rule on one object: the surplus is the change',
      [finding({ message: 'a' }), finding({ message: 'b' })],
      [finding({ message: 'a' })],
      { improved: 1, regressed: 0, unchanged: 1 },
    ],
  ])('%s', (_name, from, to, counts) => {
    const r = compareFindings(from, to);
    expect({
      improved: r.improved.length,
      regressed: r.regressed.length,
      unchanged: r.unchanged.length,
    }).toEqual(counts);
  });

  it('keeps the earlier severity beside an unchanged finding', () => {
    const r = compareFindings(
      [finding({ severity: 'blocking' })],
      [finding({ severity: 'major' })],
    );
    expect(r.unchanged).toEqual([{ ...finding({ severity: 'major' }), fromSeverity: 'blocking' }]);
  });
});

describe('compareCriteria', () => {
  it('lists only criteria whose status moved, including ones brought into or out of scope', () => {
    expect(
      compareCriteria(
        [
          { id: 'CC1.1', status: 'mapped' },
          { id: 'CC1.2', status: 'met' },
          { id: 'A1.1', status: 'not_mapped' },
        ],
        [
          { id: 'CC1.1', status: 'met' },
          { id: 'CC1.2', status: 'met' },
          { id: 'C1.1', status: 'mapped' },
        ],
      ),
    ).toEqual([
      { id: 'A1.1', from: 'not_mapped', to: null },
      { id: 'C1.1', from: null, to: 'mapped' },
      { id: 'CC1.1', from: 'mapped', to: 'met' },
    ]);
  });
});

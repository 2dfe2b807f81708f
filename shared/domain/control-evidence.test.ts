import { describe, expect, it } from 'vitest';
import { descriptionFindings, evidenceStateOf, isInDescription } from './control-evidence';
import { type Instance, occurrences } from './occurrences';

const period = { type: 'type2' as const, start: '2026-01-01', end: '2026-06-30' };
const quarterly = (instances: Instance[], evaluatedOn = '2026-07-31') =>
  evidenceStateOf(
    occurrences({
      frequency: 'quarterly',
      nature: 'manual',
      engagement: period,
      evaluatedOn,
      instances,
    }),
  );
const done = (id: string, performedOn: string): Instance => ({ id, performedOn });

describe('reviewed evidence for a control’s windows', () => {
  it.each<[string, Instance[], string, string]>([
    ['nothing reviewed', [], '2026-07-31', 'none'],
    ['one quarter of two, after both closed', [done('a', '2026-03-20')], '2026-07-31', 'partial'],
    ['both quarters', [done('a', '2026-03-20'), done('b', '2026-06-10')], '2026-07-31', 'complete'],
    [
      'the first quarter, the second still open',
      [done('a', '2026-03-20')],
      '2026-05-15',
      'complete',
    ],
    [
      'the second quarter late: evidence is there, the lateness is for T',
      [
        done('a', '2026-03-20'),
        { id: 'b', performedOn: '2026-07-20', covers: { start: '2026-04-01', end: '2026-06-30' } },
      ],
      '2026-07-31',
      'complete',
    ],
  ])('%s', (_name, instances, on, state) => {
    expect(quarterly(instances, on)).toBe(state);
  });

  it('an annual control not occurring in a short period is not complete', () => {
    const occ = occurrences({
      frequency: 'annual',
      nature: 'manual',
      engagement: { type: 'type2', start: '2026-01-01', end: '2026-03-31' },
      evaluatedOn: '2026-05-01',
      instances: [],
    });
    expect(evidenceStateOf(occ)).toBe('none');
  });
});

describe('controls in the description', () => {
  const base = {
    id: 'c',
    ref: 'AC-09',
    inDescription: null,
    assessment: 'implemented',
    keyForAny: false,
    evidence: 'none' as const,
  };
  it('defaults to in while implemented, and follows the user’s choice', () => {
    expect(isInDescription(base)).toBe(true);
    expect(isInDescription({ ...base, assessment: 'partial' })).toBe(false);
    expect(isInDescription({ ...base, assessment: null, inDescription: true })).toBe(true);
    expect(isInDescription({ ...base, inDescription: false })).toBe(false);
  });

  it.each<[string, Partial<typeof base> & object, number]>([
    ['a supporting control in the description without evidence', {}, 1],
    ['with evidence for some windows only', { evidence: 'partial' as 'none' }, 1],
    ['with complete evidence', { evidence: 'complete' as 'none' }, 0],
    ['left out of the description', { inDescription: false as unknown as null }, 0],
    ['a key control (its criterion shows it unmet instead)', { keyForAny: true }, 0],
  ])('%s', (_name, patch, count) => {
    const found = descriptionFindings([{ ...base, ...patch }]);
    expect(found).toHaveLength(count);
    if (count) expect(found[0]).toMatchObject({ severity: 'major', ref: 'AC-09' });
  });
});

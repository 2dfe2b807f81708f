import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage';
import {
  type DeviationFacts,
  deviationStateOf,
  isReportable,
  occurrenceItems,
  resultWording,
} from './self-test';

const period = { start: '2026-01-01', end: '2026-06-30' };
const dev = (p: Partial<DeviationFacts>): DeviationFacts => ({
  occurredOn: '2026-03-10',
  remediatedOn: null,
  extent: 'isolated',
  withdrawn: false,
  ...p,
});

describe('items from occurrence windows', () => {
  it('a monthly control offers its six months', () => {
    const items = occurrenceItems('monthly', 'manual', period)!;
    expect(items.map((i) => i.data.start)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
  });

  it('a daily control offers every day; an automated one its configuration over the period', () => {
    expect(occurrenceItems('daily', 'manual', period)).toHaveLength(181);
    expect(occurrenceItems('daily', 'automated', period)).toEqual([
      {
        label: 'Configuration over 2026-01-01 to 2026-06-30',
        date: '2026-06-30',
        data: { start: '2026-01-01', end: '2026-06-30' },
      },
    ]);
  });

  it('a per-event control has no windows: it is sampled from its population', () => {
    expect(occurrenceItems('per_event', 'manual', period)).toBeNull();
  });

  it('a sliver of a quarter is not offered (the partial-window rule)', () => {
    const items = occurrenceItems('quarterly', 'manual', {
      start: '2026-03-20',
      end: '2026-12-31',
    })!;
    expect(items.map((i) => i.data.start)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01']);
  });
});

describe('deviations and remediation', () => {
  it('a deviation inside the period survives remediation', () => {
    expect(isReportable(dev({ remediatedOn: '2026-03-11' }), period.start)).toBe(true);
    expect(deviationStateOf([dev({ remediatedOn: '2026-03-11' })], period.start)).toBe('isolated');
  });

  it('one found before the period and fixed by its start is not reportable', () => {
    const early = dev({ occurredOn: '2025-11-02', remediatedOn: '2025-12-15' });
    expect(isReportable(early, period.start)).toBe(false);
    expect(deviationStateOf([early], period.start)).toBe('none');
    // Fixed only after the period started: it still counts.
    expect(
      isReportable(dev({ occurredOn: '2025-11-02', remediatedOn: '2026-02-01' }), period.start),
    ).toBe(true);
  });

  it('a withdrawn deviation (a cell entered in error) does not count', () => {
    expect(deviationStateOf([dev({ withdrawn: true })], period.start)).toBe('none');
  });

  it('one systematic deviation outweighs any isolated ones', () => {
    expect(deviationStateOf([dev({}), dev({ extent: 'systematic' })], period.start)).toBe(
      'systematic',
    );
  });

  it('feeds the coverage hook: isolated → met with exceptions, systematic → not met', () => {
    const control = (deviations: 'isolated' | 'systematic') => ({
      id: 'c1',
      criteria: ['CC6.1'],
      assessment: 'implemented' as const,
      evidence: 'complete' as const,
      deviations,
    });
    const criterion = [{ id: 'CC6.1', notRelevantReason: null }];
    const isolated = computeCoverage(criterion, [control('isolated')])[0]!;
    expect(isolated.status).toBe('met');
    expect(isolated.reason).toMatch(/^Met with exceptions/);
    expect(computeCoverage(criterion, [control('systematic')])[0]!.status).toBe('mapped');
  });
});

describe('the words of a result', () => {
  it.each([
    [0, 25, 'Self-test: 0 deviations in 25 items'],
    [1, 25, 'Self-test: 1 deviation in 25 items'],
    [2, 1, 'Self-test: 2 deviations in 1 item'],
  ])('%i of %i', (d, n, words) => {
    expect(resultWording(d, n)).toBe(words);
    expect(resultWording(d, n)).not.toMatch(/no exceptions noted/i);
  });
});

import { describe, expect, it } from 'vitest';
import {
  NOT_OCCURRING_NOTE,
  type OccurrenceInput,
  addBusinessDays,
  occurrences,
  periodWindows,
} from './occurrences';

const type2 = (start: string, end: string) => ({ type: 'type2' as const, start, end });
const at = (id: string, performedOn: string, covers?: [string, string]) => ({
  id,
  performedOn,
  covers: covers ? { start: covers[0], end: covers[1] } : null,
});

function run(partial: Partial<OccurrenceInput>) {
  return occurrences({
    frequency: 'quarterly',
    nature: 'manual',
    engagement: type2('2026-01-01', '2026-12-31'),
    evaluatedOn: '2027-01-15',
    instances: [],
    ...partial,
  });
}

const spans = (ws: { start: string; end: string }[]) => ws.map((w) => `${w.start}..${w.end}`);

describe('windows from the frequency and the actual period', () => {
  it.each([
    // frequency, period, expected windows (clipped), expected counted flags
    [
      'quarterly',
      ['2026-01-01', '2026-12-31'],
      [
        '2026-01-01..2026-03-31',
        '2026-04-01..2026-06-30',
        '2026-07-01..2026-09-30',
        '2026-10-01..2026-12-31',
      ],
      [true, true, true, true],
    ],
    // 3-month period across a quarter boundary: half of Q1 (45 of 90 days) counts, 44 of 91
    // days of Q2 do not.
    [
      'quarterly',
      ['2026-02-15', '2026-05-14'],
      ['2026-02-15..2026-03-31', '2026-04-01..2026-05-14'],
      [true, false],
    ],
    [
      'quarterly',
      ['2026-02-16', '2026-04-14'],
      ['2026-02-16..2026-03-31', '2026-04-01..2026-04-14'],
      [false, false],
    ],
    // 6-month period
    [
      'quarterly',
      ['2026-01-01', '2026-06-30'],
      ['2026-01-01..2026-03-31', '2026-04-01..2026-06-30'],
      [true, true],
    ],
    // 9-month period, starting mid-quarter
    [
      'quarterly',
      ['2025-11-01', '2026-07-31'],
      [
        '2025-11-01..2025-12-31',
        '2026-01-01..2026-03-31',
        '2026-04-01..2026-06-30',
        '2026-07-01..2026-07-31',
      ],
      [true, true, true, false],
    ],
    // Monthly across a year boundary; 16 of 31 days of January count, 15 of 30 of June count.
    [
      'monthly',
      ['2025-12-16', '2026-02-28'],
      ['2025-12-16..2025-12-31', '2026-01-01..2026-01-31', '2026-02-01..2026-02-28'],
      [true, true, true],
    ],
    [
      'monthly',
      ['2026-01-17', '2026-02-28'],
      ['2026-01-17..2026-01-31', '2026-02-01..2026-02-28'],
      [false, true],
    ],
    // ISO weeks: 2026-01-01 is a Thursday; 4 of 7 days count.
    [
      'weekly',
      ['2026-01-01', '2026-01-14'],
      ['2026-01-01..2026-01-04', '2026-01-05..2026-01-11', '2026-01-12..2026-01-14'],
      [true, true, false],
    ],
    // Annual over 12 months: one window; semi-annual: two, from the period start.
    ['annual', ['2026-04-01', '2027-03-31'], ['2026-04-01..2027-03-31'], [true]],
    [
      'semi_annual',
      ['2026-04-01', '2027-03-31'],
      ['2026-04-01..2026-09-30', '2026-10-01..2027-03-31'],
      [true, true],
    ],
  ] as const)('%s over %j', (frequency, [start, end], windows, counted) => {
    const ws = periodWindows(frequency, start, end);
    expect(spans(ws)).toEqual(windows);
    expect(ws.map((w) => w.counted)).toEqual(counted);
  });
});

describe('instances matched by the date performed', () => {
  it('fills quarters on time, flags a late one against the policy deadline, and misses the rest', () => {
    const r = run({
      deadline: { amount: 10, unit: 'business_days' },
      instances: [
        at('q1', '2026-04-08', ['2026-01-01', '2026-03-31']), // 6 business days after
        at('q2', '2026-07-20', ['2026-04-01', '2026-06-30']), // 14 business days after: late
        at('q3', '2026-09-30'), // no coverage: placed by the day performed
      ],
      evaluatedOn: '2026-12-01',
    });
    expect(r.windows.map((w) => w.status)).toEqual(['met', 'late', 'met', 'scheduled']);
    expect(r.deviationCandidates).toEqual(['q2']);
    const later = run({ evaluatedOn: '2027-02-01' });
    expect(later.windows.map((w) => w.status)).toEqual([
      'missing',
      'missing',
      'missing',
      'missing',
    ]);
  });

  it('without a deadline, a review up to one cycle after its window is on time', () => {
    const r = run({
      instances: [
        at('ok', '2026-06-29', ['2026-01-01', '2026-03-31']),
        at('late', '2026-07-01', ['2026-04-01', '2026-06-30']),
      ],
    });
    expect(r.windows[0]!.status).toBe('met');
    expect(r.windows[1]!.status).toBe('met');
  });

  it('places an instance by the window its evidence covers, not the upload or the performed day alone', () => {
    const r = run({ instances: [at('dec-review', '2026-01-05', ['2026-10-01', '2026-12-31'])] });
    expect(r.windows[3]!.instances).toEqual(['dec-review']);
    expect(r.windows[0]!.instances).toEqual([]);
  });

  it('leaves instances outside the period unplaced', () => {
    const r = run({ instances: [at('old', '2025-06-30'), { id: 'undated', performedOn: null }] });
    expect(r.unplaced).toEqual(['old', 'undated']);
  });

  it('counts business days over weekends', () => {
    expect(addBusinessDays('2026-01-02', 1)).toBe('2026-01-05'); // Friday → Monday
    expect(addBusinessDays('2026-03-31', 10)).toBe('2026-04-14');
  });
});

describe('annual controls and short periods', () => {
  it('an annual control in a 6-month period with no instance is not occurring, to agree with the auditor', () => {
    const r = run({
      frequency: 'annual',
      engagement: type2('2026-01-01', '2026-06-30'),
      evaluatedOn: '2026-08-01',
    });
    expect(r.windows.map((w) => [w.start, w.end, w.status])).toEqual([
      ['2026-01-01', '2026-06-30', 'not_occurring'],
    ]);
    expect(r.notes).toContain(NOT_OCCURRING_NOTE);
  });

  it('an annual control performed within a short period meets it', () => {
    const r = run({
      frequency: 'annual',
      engagement: type2('2026-01-01', '2026-03-31'),
      instances: [at('risk-assessment', '2026-02-10')],
    });
    expect(r.windows[0]!.status).toBe('met');
    expect(r.notes).toEqual([]);
  });

  it('an annual control over 12 months without an instance is missing once the period closed', () => {
    const r = run({ frequency: 'annual', evaluatedOn: '2027-01-02' });
    expect(r.windows.map((w) => w.status)).toEqual(['missing']);
  });

  it('semi-annual in a 3-month period: not occurring without an instance', () => {
    const r = run({ frequency: 'semi_annual', engagement: type2('2026-01-01', '2026-03-31') });
    expect(r.windows[0]!.status).toBe('not_occurring');
  });
});

describe('populations, automated controls and Type I', () => {
  it('per-event and daily controls are evidenced by a population over the period', () => {
    for (const frequency of ['per_event', 'daily', 'continuous'] as const) {
      const r = run({
        frequency,
        instances: [at('pop', '2027-01-05', ['2026-01-01', '2026-12-31'])],
      });
      expect(r.mode).toBe('population');
      expect(r.windows.map((w) => w.status)).toEqual(['met']);
    }
  });

  it('an automated control needs one instance in the period while its ITGCs hold', () => {
    const r = run({
      nature: 'automated',
      itgcs: 'effective',
      instances: [at('config', '2026-05-02')],
    });
    expect(r).toMatchObject({ mode: 'automated', mustSample: false });
    expect(r.windows.map((w) => w.status)).toEqual(['met']);
  });

  it('an automated control’s change history is no instance, and must cover the period to date', () => {
    const history = (id: string, from: string, to: string) => ({
      ...at(id, to, [from, to]),
      changeHistory: true,
    });
    const automated = (instances: OccurrenceInput['instances'], evaluatedOn = '2027-01-15') =>
      run({ nature: 'automated', itgcs: 'effective', evaluatedOn, instances });

    // A change log alone is not the configuration's instance.
    const alone = automated([history('log', '2026-01-01', '2026-12-31')]);
    expect(alone.windows.map((w) => w.status)).toEqual(['missing']);
    expect(alone.unplaced).toEqual([]);
    expect(alone.changeHistory).toMatchObject({ required: true, status: 'covered', gap: null });

    const none = automated([at('config', '2026-05-02')]);
    expect(none.windows.map((w) => w.status)).toEqual(['met']);
    expect(none.changeHistory).toMatchObject({ required: true, status: 'none', items: [] });
    expect(none.notes.join(' ')).toMatch(/change history/);

    // Two logs that meet cover the period; a day between them is a gap.
    const both = automated([
      at('config', '2026-05-02'),
      history('h1', '2026-01-01', '2026-06-30'),
      history('h2', '2026-07-01', '2026-12-31'),
    ]);
    expect(both.changeHistory).toMatchObject({ status: 'covered', items: ['h1', 'h2'] });
    const apart = automated([
      history('h2', '2026-07-02', '2026-12-31'),
      history('h1', '2026-01-01', '2026-06-30'),
    ]);
    expect(apart.changeHistory).toMatchObject({
      status: 'partial',
      gap: { start: '2026-07-01', end: '2026-07-01' },
    });
    expect(apart.notes.join(' ')).toMatch(/2026-07-01 to 2026-07-01 uncovered/);

    // Mid-period only the days so far are due; an undated log covers none.
    const midway = automated([history('h1', '2026-01-01', '2026-06-30')], '2026-06-30');
    expect(midway.changeHistory).toMatchObject({
      status: 'covered',
      due: { start: '2026-01-01', end: '2026-06-30' },
    });
    // The days since the latest export are still to come while the period runs, a gap after it.
    const sinceMarch = [history('h1', '2026-01-01', '2026-03-31')];
    expect(automated(sinceMarch, '2026-06-30').changeHistory.status).toBe('covered');
    expect(automated(sinceMarch).changeHistory.gap).toEqual({
      start: '2026-04-01',
      end: '2026-12-31',
    });
    const late = automated([history('h1', '2026-02-01', '2026-06-30')], '2026-06-30');
    expect(late.changeHistory.gap).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    const undated = automated([{ id: 'u', performedOn: null, changeHistory: true }]);
    expect(undated.changeHistory).toMatchObject({
      status: 'partial',
      gap: { start: '2026-01-01', end: '2026-12-31' },
    });

    // Sampled, manual, or Type I: not asked for, and still never an instance.
    const sampled = run({
      nature: 'automated',
      itgcs: 'failing',
      instances: [history('log', '2026-01-01', '2026-12-31')],
    });
    expect(sampled.changeHistory).toMatchObject({ required: false, items: ['log'], due: null });
    expect(sampled.windows.every((w) => w.instances.length === 0)).toBe(true);
    expect(run({}).changeHistory).toMatchObject({ required: false, status: 'none' });
  });

  it('an automated control whose ITGCs fail must be sampled like a manual one', () => {
    const r = run({
      nature: 'automated',
      itgcs: 'failing',
      instances: [at('config', '2026-05-02')],
    });
    expect(r).toMatchObject({ mode: 'windows', mustSample: true });
    expect(r.windows).toHaveLength(4);
    expect(r.notes[0]).toMatch(/must be sampled/);
  });

  it('Type I: the most recent instance within one cycle before the as-of date', () => {
    const engagement = { type: 'type1' as const, asOf: '2026-03-31' };
    const r = run({
      engagement,
      evaluatedOn: '2026-04-15',
      instances: [at('older', '2026-01-15'), at('recent', '2026-03-20'), at('after', '2026-04-02')],
    });
    expect(r.mode).toBe('type1');
    expect(spans(r.windows)).toEqual(['2026-01-01..2026-03-31']);
    expect(r.windows[0]!.instances).toEqual(['recent', 'older']);
    expect(r.unplaced).toEqual(['after']);

    const stale = run({
      engagement,
      evaluatedOn: '2026-04-15',
      instances: [at('x', '2025-12-01')],
    });
    expect(stale.windows[0]!.status).toBe('missing');
    const early = run({ engagement, evaluatedOn: '2026-03-01', operatingSince: '2026-04-01' });
    expect(early.windows[0]!.status).toBe('scheduled');
    expect(early.notes[0]).toMatch(/after the as-of date/);
  });
});

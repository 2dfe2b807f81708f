import { describe, expect, it } from 'vitest';
import { SELF_TEST_LABEL, type SelfTestSummary } from '../../../shared/api/self-tests';
import { statusOf } from './test-status';

const summary = (over: Partial<SelfTestSummary>): SelfTestSummary => ({
  id: 'tst_1',
  ref: 'ST-1',
  controlId: 'ctl_1',
  controlRef: 'AC-04',
  kind: 'sample',
  drawFrom: 'population',
  populationId: null,
  method: 'random',
  seed: 's',
  start: null,
  period: { start: '2026-01-01', end: '2026-06-30' },
  drawnBy: 'Priya',
  drawnAt: '2026-05-15T12:00:00.000Z',
  populationSize: 80,
  sampleSize: 20,
  itemsTested: 0,
  deviations: 0,
  result: 'Self-test: 0 deviations in 20 items',
  completenessMissing: false,
  populationChanged: null,
  retestOfId: null,
  retestedById: null,
  label: SELF_TEST_LABEL,
  ...over,
});

describe("a control's self-test status", () => {
  it('is not tested before any test', () => {
    expect(statusOf(undefined)).toBe('not_tested');
  });
  it('is in progress while items are unanswered, tested once every item is', () => {
    expect(statusOf(summary({ itemsTested: 19 }))).toBe('in_progress');
    expect(statusOf(summary({ itemsTested: 20 }))).toBe('tested');
  });
  it('shows deviations as soon as one is recorded, finished or not', () => {
    expect(statusOf(summary({ itemsTested: 3, deviations: 1 }))).toBe('deviations');
    expect(statusOf(summary({ itemsTested: 20, deviations: 2 }))).toBe('deviations');
  });
});

import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../shared/api/evidence';
import { controlOccurrences, occurrenceEngagement } from './control-occurrences';

const item = (id: string, performedOn: string | null, superseded = false): Evidence => ({
  id,
  ref: id,
  kind: 'file',
  title: id,
  performedOn,
  asOf: null,
  window: null,
  windowStatus: 'inside',
  collectedOn: null,
  source: null,
  collectorId: null,
  reviewerId: null,
  reviewedOn: null,
  notes: '',
  file: null,
  controlIds: [],
  requestIds: [],
  supersededById: superseded ? 'evd_newer' : null,
  supersededOn: null,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
});

const period = occurrenceEngagement({
  reportType: 'type2',
  asOf: null,
  period: { start: '2026-01-01', end: '2026-06-30' },
})!;
const quarterly = {
  frequency: 'quarterly' as const,
  nature: 'manual' as const,
  operatingSince: null,
};

describe('a control’s occurrence timeline', () => {
  it('fills the quarter of the day an item was performed; a closed quarter without one is missing', () => {
    const before = controlOccurrences(quarterly, period, [], '2026-05-15');
    expect(before.windows.map((w) => w.status)).toEqual(['missing', 'scheduled']);
    const after = controlOccurrences(quarterly, period, [item('e1', '2026-02-10')], '2026-05-15');
    expect(after.windows.map((w) => w.status)).toEqual(['met', 'scheduled']);
    expect(after.windows[0]!.instances).toEqual(['e1']);
  });

  it('leaves out superseded items: the newer item stands for them', () => {
    const t = controlOccurrences(
      quarterly,
      period,
      [item('old', '2026-02-10', true)],
      '2026-05-15',
    );
    expect(t.windows[0]!.status).toBe('missing');
  });

  it('has no timeline while the engagement has no period or as-of date', () => {
    expect(occurrenceEngagement({ reportType: 'type2', asOf: null, period: null })).toBeNull();
    expect(occurrenceEngagement({ reportType: 'type1', asOf: '2026-06-30', period: null })).toEqual(
      {
        type: 'type1',
        asOf: '2026-06-30',
      },
    );
  });
});

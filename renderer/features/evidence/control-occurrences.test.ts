import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../shared/api/evidence';
import { controlDeadline, controlOccurrences, occurrenceEngagement } from './control-occurrences';

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
  url: null,
  controlIds: [],
  changeHistoryFor: [],
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
  id: 'ctl_q',
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

  it('reads an item linked as this automated control’s change history apart from its instances', () => {
    const automated = { ...quarterly, id: 'ctl_a', nature: 'automated' as const };
    const log: Evidence = {
      ...item('log', '2026-06-30'),
      window: { start: '2026-01-01', end: '2026-06-30' },
      changeHistoryFor: ['ctl_a'],
    };
    const t = controlOccurrences(
      automated,
      period,
      [log, item('cfg', '2026-02-10')],
      '2026-07-02',
      {
        itgcs: 'effective',
      },
    );
    expect(t.windows[0]!.instances).toEqual(['cfg']);
    expect(t.changeHistory).toMatchObject({ required: true, status: 'covered', items: ['log'] });
    // For another control the same item is an instance.
    const other = controlOccurrences(quarterly, period, [log], '2026-07-02');
    expect(other.windows[1]!.instances).toEqual(['log']);
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

describe('a control’s timeline held to its policy’s deadline', () => {
  const perEvent = {
    id: 'ctl_e',
    frequency: 'per_event' as const,
    nature: 'manual' as const,
    operatingSince: null,
  };
  const leaver = (id: string, lastDay: string, removedOn: string): Evidence => ({
    ...item(id, removedOn),
    asOf: lastDay,
  });
  const promise = (amount: number, text: string) => ({
    policyId: 'pol_1',
    promiseId: `pro_${amount}`,
    text,
    amount,
    unit: 'business_days' as const,
  });

  it('shows an item done after the strictest promised deadline as late', () => {
    const deadline = controlDeadline([
      promise(2, 'other accounts'),
      promise(1, 'identity provider'),
    ]);
    expect(deadline?.text).toBe('identity provider');
    const items = [
      leaver('ok', '2026-03-03', '2026-03-04'),
      leaver('slow', '2026-03-10', '2026-03-12'),
    ];
    const t = controlOccurrences(perEvent, period, items, '2026-05-15', { deadline });
    expect(t.windows[0]).toMatchObject({ status: 'met', instances: ['ok'], late: ['slow'] });
    // Without the promise neither is late.
    expect(controlOccurrences(perEvent, period, items, '2026-05-15').deviationCandidates).toEqual(
      [],
    );
  });
});

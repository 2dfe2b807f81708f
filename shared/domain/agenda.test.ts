import { describe, expect, it } from 'vitest';
import { type AgendaFacts, agenda } from './agenda';

const facts = (over: Partial<AgendaFacts> = {}): AgendaFacts => ({
  today: '2026-05-15',
  controls: [],
  tasks: [],
  policies: [],
  selfTests: [],
  ...over,
});

describe('the agenda: due this week and overdue', () => {
  it('counts today and the six days after it as this week, and what passed as overdue', () => {
    const a = agenda(
      facts({
        tasks: [
          { id: 't1', ref: 'TSK-1', title: 'Past', dueOn: '2026-05-14', done: false },
          { id: 't2', ref: 'TSK-2', title: 'Today', dueOn: '2026-05-15', done: false },
          { id: 't3', ref: 'TSK-3', title: 'Last day', dueOn: '2026-05-21', done: false },
          { id: 't4', ref: 'TSK-4', title: 'Next week', dueOn: '2026-05-22', done: false },
          { id: 't5', ref: 'TSK-5', title: 'Done late', dueOn: '2026-05-01', done: true },
          { id: 't6', ref: 'TSK-6', title: 'Undated', dueOn: null, done: false },
        ],
      }),
    );
    expect(a.until).toBe('2026-05-21');
    expect(a.overdue.map((i) => i.object)).toEqual(['TSK-1']);
    expect(a.dueSoon.map((i) => i.object)).toEqual(['TSK-2', 'TSK-3']);
  });

  it('owes evidence for windows closing this week, and names windows closed without it', () => {
    const a = agenda(
      facts({
        controls: [
          {
            id: 'c1',
            ref: 'AC-04',
            applicable: true,
            windows: [
              { start: '2026-03-01', end: '2026-03-31', status: 'met' },
              { start: '2026-04-01', end: '2026-04-30', status: 'missing' },
              { start: '2026-05-01', end: '2026-05-17', status: 'scheduled' },
              { start: '2026-06-01', end: '2026-06-30', status: 'scheduled' },
            ],
          },
          {
            id: 'c2',
            ref: 'BCP-01',
            applicable: false,
            windows: [{ start: '2026-04-01', end: '2026-04-30', status: 'missing' }],
          },
        ],
      }),
    );
    expect(a.overdue).toEqual([
      expect.objectContaining({
        object: 'AC-04',
        due: '2026-04-30',
        title: 'No reviewed evidence for the window',
        window: { start: '2026-04-01', end: '2026-04-30' },
        target: { screen: 'control', id: 'c1' },
      }),
    ]);
    expect(a.dueSoon.map((i) => [i.object, i.due])).toEqual([['AC-04', '2026-05-17']]);
  });

  it('lists policy reviews by date and samples with items left to test apart', () => {
    const a = agenda(
      facts({
        policies: [
          { id: 'p1', title: 'Access Control Policy', nextReviewOn: '2026-05-16' },
          { id: 'p2', title: 'Backup Policy', nextReviewOn: '2027-01-01' },
          { id: 'p3', title: 'Draft only', nextReviewOn: null },
        ],
        selfTests: [
          { id: 's1', controlId: 'c1', controlRef: 'AC-04', items: 25, tested: 10 },
          { id: 's2', controlId: 'c2', controlRef: 'AC-05', items: 2, tested: 2 },
        ],
      }),
    );
    expect(a.dueSoon.map((i) => i.object)).toEqual(['Access Control Policy']);
    expect(a.samplesToTest).toEqual([
      expect.objectContaining({
        object: 'AC-04',
        title: '10 of 25 sampled items tested',
        due: null,
        target: { screen: 'controlTesting', id: 'c1' },
      }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ResponseItem } from '../../../shared/domain/auditor/response';
import { describeItem, indexDraft } from './draft-view';

const at = '2026-05-15T10:00:00.000Z';
const items: ResponseItem[] = [
  { id: 'item-0001', at, kind: 'status', requestRef: 'PBC-1', status: 'follow_up' },
  { id: 'item-0002', at, kind: 'comment', requestRef: 'PBC-1', body: 'Which period?' },
  { id: 'item-0003', at, kind: 'comment', evidenceId: 'EV-0002', body: 'Blurred.' },
  {
    id: 'item-0004',
    at,
    kind: 'sample',
    populationId: 'EV-0004',
    rowKeys: ['row-3', 'row-9'],
    note: 'Access removed within a day',
  },
  { id: 'item-0005', at, kind: 'sample', populationId: 'EV-0004', rowKeys: ['row-12'], note: '' },
];

describe('indexDraft', () => {
  it('answers each request’s status, the comments on each record and the rows picked', () => {
    const index = indexDraft(items);
    expect(index.status.get('PBC-1')).toBe('follow_up');
    expect(index.requestComments.get('PBC-1')?.map((c) => c.id)).toEqual(['item-0002']);
    expect(index.evidenceComments.get('EV-0002')?.map((c) => c.id)).toEqual(['item-0003']);
    expect([...(index.picked.get('EV-0004') ?? [])]).toEqual(['row-3', 'row-9', 'row-12']);
    expect(index.status.has('PBC-2')).toBe(false);
  });
});

describe('describeItem', () => {
  it('names what each item is about in the auditor’s words', () => {
    expect(describeItem(items[0]!)).toEqual({
      kind: 'Status',
      subject: 'PBC-1',
      text: 'Follow-up',
    });
    expect(describeItem(items[3]!).text).toBe(
      '2 rows (row-3, row-9) — Access removed within a day',
    );
    expect(describeItem(items[4]!).text).toBe('1 row (row-12)');
  });
});

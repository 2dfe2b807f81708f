import { describe, expect, it } from 'vitest';
import type { AuditRequest } from '../../../../shared/api/requests';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  activeFilterCount,
  filtersToQuery,
  isServerOrder,
  sortRequests,
} from './table-query';

function request(ref: string, over: Partial<AuditRequest> = {}): AuditRequest {
  return {
    id: `req_${ref.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    ref,
    description: '',
    type: null,
    wave: null,
    criteria: [],
    controlIds: [],
    controlIdsViaCriteria: [],
    period: { text: null, start: null, end: null, asOf: null },
    ownerId: null,
    ownerText: null,
    reviewerId: null,
    dueOn: null,
    status: 'new',
    submittedOn: null,
    auditorStatus: null,
    overdue: false,
    auditorColumns: [],
    extraColumns: [],
    importId: null,
    commentCount: 0,
    archived: false,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...over,
  };
}

describe('filtersToQuery', () => {
  it('sends only the filters that are set', () => {
    expect(filtersToQuery(NO_FILTERS)).toEqual({});
    expect(
      filtersToQuery({ ...NO_FILTERS, overdue: true, wave: '2', search: '  terminated ' }),
    ).toEqual({ overdue: true, wave: '2', search: 'terminated' });
    expect(activeFilterCount({ ...NO_FILTERS, notSubmitted: true, ownerId: 'per_a' })).toBe(2);
  });
});

describe('sortRequests', () => {
  const items = [
    request('PBC-10', { dueOn: '2026-12-01', status: 'submitted', commentCount: 1 }),
    request('PBC-2', { dueOn: null, status: 'in_progress', ownerText: 'IT team' }),
    request('PBC-1', { dueOn: '2026-11-02', status: 'new', commentCount: 3 }),
  ];
  const owner = (r: AuditRequest) => r.ownerText;
  const refs = (sorted: AuditRequest[]) => sorted.map((r) => r.ref);

  it('keeps the auditor’s order by default: PBC-2 before PBC-10', () => {
    expect(isServerOrder(DEFAULT_SORT)).toBe(true);
    expect(refs(sortRequests(items, DEFAULT_SORT, owner))).toEqual(['PBC-1', 'PBC-2', 'PBC-10']);
  });

  it('sorts by due date with undated requests last, either way', () => {
    expect(refs(sortRequests(items, { key: 'due', dir: 'asc' }, owner))).toEqual([
      'PBC-1',
      'PBC-10',
      'PBC-2',
    ]);
    expect(refs(sortRequests(items, { key: 'due', dir: 'desc' }, owner))).toEqual([
      'PBC-10',
      'PBC-1',
      'PBC-2',
    ]);
  });

  it('sorts statuses in workflow order and comments by count', () => {
    expect(refs(sortRequests(items, { key: 'status', dir: 'asc' }, owner))).toEqual([
      'PBC-1',
      'PBC-2',
      'PBC-10',
    ]);
    expect(refs(sortRequests(items, { key: 'comments', dir: 'desc' }, owner))).toEqual([
      'PBC-1',
      'PBC-10',
      'PBC-2',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditRequest, RequestSort } from '../../../shared/api/requests';
import { sortRequests } from './sort';

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

const items = [
  request('PBC-10', {
    dueOn: '2026-12-01',
    status: 'submitted',
    commentCount: 1,
    ownerId: 'per_b',
    auditorStatus: 'follow_up',
    wave: '2',
    description: 'access review',
  }),
  request('PBC-2', { status: 'in_progress', ownerText: 'IT team', wave: '10' }),
  request('PBC-1', {
    dueOn: '2026-11-02',
    commentCount: 3,
    ownerId: 'per_a',
    auditorStatus: 'accepted',
    wave: '2',
    description: 'Access policy',
  }),
  request('PBC-3', { dueOn: '2026-11-02', commentCount: 3, type: 'population' }),
];
const names: Record<string, string> = { per_a: 'Zoë Adams', per_b: 'ana lima' };
const owner = (r: AuditRequest) => (r.ownerId ? names[r.ownerId]! : r.ownerText);
const refs = (sort: RequestSort) => sortRequests(items, sort, owner).map((r) => r.ref);

describe('sorting the request list', () => {
  it('keeps the auditor’s order by default: PBC-2 before PBC-10, and reverses it', () => {
    expect(refs({ key: 'ref', dir: 'asc' })).toEqual(['PBC-1', 'PBC-2', 'PBC-3', 'PBC-10']);
    expect(refs({ key: 'ref', dir: 'desc' })).toEqual(['PBC-10', 'PBC-3', 'PBC-2', 'PBC-1']);
  });

  it('puts empty values last either way, ties in the auditor’s order', () => {
    expect(refs({ key: 'dueOn', dir: 'asc' })).toEqual(['PBC-1', 'PBC-3', 'PBC-10', 'PBC-2']);
    expect(refs({ key: 'dueOn', dir: 'desc' })).toEqual(['PBC-10', 'PBC-1', 'PBC-3', 'PBC-2']);
    expect(refs({ key: 'type', dir: 'desc' })).toEqual(['PBC-3', 'PBC-1', 'PBC-2', 'PBC-10']);
    expect(refs({ key: 'description', dir: 'asc' })).toEqual(['PBC-1', 'PBC-10', 'PBC-2', 'PBC-3']);
  });

  it('sorts owners by the name shown, ignoring case, and waves as numbers', () => {
    expect(refs({ key: 'owner', dir: 'asc' })).toEqual(['PBC-10', 'PBC-2', 'PBC-1', 'PBC-3']);
    expect(refs({ key: 'wave', dir: 'asc' })).toEqual(['PBC-1', 'PBC-10', 'PBC-2', 'PBC-3']);
  });

  it('follows the workflow for statuses, and counts comments', () => {
    expect(refs({ key: 'status', dir: 'asc' })).toEqual(['PBC-1', 'PBC-3', 'PBC-2', 'PBC-10']);
    expect(refs({ key: 'auditorStatus', dir: 'asc' })).toEqual([
      'PBC-1',
      'PBC-10',
      'PBC-2',
      'PBC-3',
    ]);
    expect(refs({ key: 'commentCount', dir: 'desc' })).toEqual([
      'PBC-1',
      'PBC-3',
      'PBC-10',
      'PBC-2',
    ]);
  });
});

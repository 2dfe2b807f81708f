import { describe, expect, it } from 'vitest';
import { documentationNavStatus, requestsNavStatus } from './nav-status';

describe('requestsNavStatus', () => {
  it('says nothing until there is a list', () => {
    expect(requestsNavStatus([])).toBeNull();
  });

  it('leads with what is overdue, in red', () => {
    const status = requestsNavStatus(
      [
        { status: 'in_progress', overdue: true, auditorStatus: null },
        { status: 'submitted', overdue: false, auditorStatus: null },
      ],
      'en',
    );
    expect(status).toEqual({ text: '2 requests · 1 overdue', tone: 'missing', progress: 0.5 });
  });

  it('turns teal only when the auditor accepted every request', () => {
    const submitted = { status: 'submitted', overdue: false } as const;
    expect(requestsNavStatus([{ ...submitted, auditorStatus: null }], 'en')?.tone).toBe('partial');
    expect(requestsNavStatus([{ ...submitted, auditorStatus: 'accepted' }], 'en')).toEqual({
      text: '1 request · 1 submitted',
      tone: 'met',
      progress: 1,
    });
  });
});

describe('documentationNavStatus', () => {
  const none = { policies: [], evidence: { total: 0, unreviewed: 0 } };
  const accepted = { status: 'submitted', overdue: false, auditorStatus: 'accepted' } as const;

  it('says nothing while requests, policies and evidence are all empty', () => {
    expect(documentationNavStatus([], none, 'en')).toBeNull();
  });

  it('reads requests alone as before', () => {
    expect(documentationNavStatus([accepted], none, 'en')).toEqual(
      requestsNavStatus([accepted], 'en'),
    );
  });

  it('counts policies approved and evidence to review, each only once it has content', () => {
    const status = documentationNavStatus(
      [],
      {
        policies: [
          { status: 'approved' },
          { status: 'draft' },
          { status: 'not_written' },
          { status: 'approved_with_draft' },
        ],
        evidence: { total: 10, unreviewed: 4 },
      },
      'en',
    );
    expect(status).toEqual({
      text: '2/4 policies approved · 4 evidence to review',
      tone: 'partial',
      progress: (0.5 + 0.6) / 2,
    });
    expect(
      documentationNavStatus([], { policies: [], evidence: { total: 140, unreviewed: 0 } }, 'en'),
    ).toEqual({ text: '140 evidence reviewed', tone: 'met', progress: 1 });
  });

  it('is red while a request is overdue, and teal only when every part is done', () => {
    const overdue = { status: 'in_progress', overdue: true, auditorStatus: null } as const;
    const allDone = {
      policies: [{ status: 'approved' as const }],
      evidence: { total: 3, unreviewed: 0 },
    };
    expect(documentationNavStatus([overdue], allDone, 'en')?.tone).toBe('missing');
    expect(documentationNavStatus([accepted], allDone, 'en')).toEqual({
      text: '1 request · 1 submitted · 1/1 policies approved · 3 evidence reviewed',
      tone: 'met',
      progress: 1,
    });
    expect(
      documentationNavStatus([accepted], { ...allDone, policies: [{ status: 'draft' }] }, 'en')
        ?.tone,
    ).toBe('partial');
  });
});

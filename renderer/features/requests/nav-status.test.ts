import { describe, expect, it } from 'vitest';
import { requestsNavStatus } from './nav-status';

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

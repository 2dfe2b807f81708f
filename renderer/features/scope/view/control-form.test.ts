import { describe, expect, it } from 'vitest';
import type { Control } from '../../../../shared/api/controls';
import {
  createInput,
  operatingSinceWarning,
  inputOf,
  sameDoerAndReviewer,
  valuesOf,
} from './control-form';

describe('control form', () => {
  it('sends each field as the contract wants it', () => {
    const v = {
      ...valuesOf({ testAttributes: ['a'] } as unknown as Control),
      testAttributes: ' One \n\nTwo ',
    };
    expect(inputOf('testAttributes', v.testAttributes)).toEqual(['One', 'Two']);
    expect(inputOf('operatingSince', v.operatingSince)).toBeNull();
    expect(inputOf('operatingSince', '2026-01-05')).toBe('2026-01-05');
    expect(inputOf('title', 'X')).toBe('X');
  });

  it('sends the policy a control rests on, and none for a custom control without one', () => {
    const v = valuesOf({ policyKey: 'access-control', testAttributes: [] } as unknown as Control);
    expect(v.policyKey).toBe('access-control');
    expect(inputOf('policyKey', v.policyKey)).toBe('access-control');
    expect(inputOf('policyKey', null)).toBeNull();
    expect(valuesOf().policyKey).toBeNull();
    const input = createInput({ ...valuesOf(), title: 'T', criteria: ['CC1.2'] });
    expect(input.policyKey).toBeNull();
    expect(
      createInput({ ...valuesOf(), title: 'T', criteria: ['CC1.2'], policyKey: 'risk-management' })
        .policyKey,
    ).toBe('risk-management');
  });

  it('lets Attest number a custom control when no reference is given', () => {
    const input = createInput({ ...valuesOf(), title: 'Board briefing', criteria: ['CC1.2'] });
    expect(input).not.toHaveProperty('ref');
    expect(input).toMatchObject({
      title: 'Board briefing',
      criteria: ['CC1.2'],
      operatingSince: null,
    });
  });

  it('flags the same person performing and reviewing', () => {
    expect(sameDoerAndReviewer({ performerId: 'p1', reviewerId: 'p1' })).toBe(true);
    expect(sameDoerAndReviewer({ performerId: null, reviewerId: null })).toBe(false);
  });

  it('warns when a control starts after the period start or as-of date', () => {
    const t2 = {
      reportType: 'type2' as const,
      asOf: null,
      period: { start: '2026-01-01', end: '2026-06-30' },
    };
    expect(operatingSinceWarning('2026-02-01', t2, 'en-GB')).toContain('1 Jan 2026');
    expect(operatingSinceWarning('2025-11-01', t2)).toBeNull();
    expect(
      operatingSinceWarning(
        '2026-04-01',
        { reportType: 'type1', asOf: '2026-03-31', period: null },
        'en-GB',
      ),
    ).toContain('as-of date');
  });
});

import { describe, expect, it } from 'vitest';
import type { Control } from '../../../../shared/api/controls';
import type { Assessment } from '../../../../shared/api/gaps';
import { NO_FILTERS, activeFilterCount, controlWarnings, filterAndSort } from './control-filters';

const control = (ref: string, over: Partial<Control> = {}): Control =>
  ({
    id: `ctl_${ref.toLowerCase().replace('-', '')}`,
    ref,
    title: `Title ${ref}`,
    domain: 'access',
    ownerId: 'per_a',
    performerId: 'per_a',
    reviewerId: 'per_b',
    criteria: [],
    ...over,
  }) as Control;

const assessed = (id: string, status: Assessment['status']) =>
  ({ controlId: id, status }) as Assessment;

const controls = [
  control('AC-10'),
  control('AC-2', { ownerId: null }),
  control('HR-01', { domain: 'people', ownerId: 'per_b' }),
];
const ctx = {
  assessments: { ctl_ac10: assessed('ctl_ac10', 'implemented') },
  summary: {
    controls: 3,
    assessed: 1,
    byStatus: {
      implemented: 1,
      partial: 0,
      not_implemented: 0,
      not_applicable: 0,
      not_assessed: 2,
    },
    sameOwnerWarnings: ['ctl_hr01'],
    lateStartWarnings: [],
  },
  ownerName: (id: string | null) => (id === 'per_a' ? 'Ana' : id === 'per_b' ? 'Ben' : null),
};
const refs = (list: Control[]) => list.map((c) => c.ref);
const byRef = { key: 'ref' as const, dir: 'asc' as const };

describe('filterAndSort', () => {
  it('sorts references numerically and reverses on demand', () => {
    expect(refs(filterAndSort(controls, NO_FILTERS, byRef, ctx))).toEqual([
      'AC-2',
      'AC-10',
      'HR-01',
    ]);
    expect(refs(filterAndSort(controls, NO_FILTERS, { key: 'status', dir: 'desc' }, ctx))[0]).toBe(
      'AC-10',
    );
  });

  it('filters by status, domain, owner (or none), search and warnings', () => {
    const f = (over: Partial<typeof NO_FILTERS>) =>
      refs(filterAndSort(controls, { ...NO_FILTERS, ...over }, byRef, ctx));
    expect(f({ status: 'not_assessed' })).toEqual(['AC-2', 'HR-01']);
    expect(f({ domain: 'people' })).toEqual(['HR-01']);
    expect(f({ owner: 'none' })).toEqual(['AC-2']);
    expect(f({ owner: 'per_b' })).toEqual(['HR-01']);
    expect(f({ search: 'hr-' })).toEqual(['HR-01']);
    expect(f({ warningsOnly: true })).toEqual(['AC-2', 'HR-01']);
    expect(activeFilterCount({ ...NO_FILTERS, owner: 'none', warningsOnly: true })).toBe(2);
  });

  it('names the warnings a reviewer would raise', () => {
    expect(controlWarnings(controls[1]!, ctx.summary)).toEqual([
      { text: 'No owner', tone: 'missing' },
    ]);
    expect(controlWarnings(controls[2]!, ctx.summary)).toEqual([
      { text: 'Performer and reviewer are the same person', tone: 'missing' },
    ]);
  });
});

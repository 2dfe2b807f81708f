import { describe, expect, it } from 'vitest';
import type { Control } from '../../../../shared/api/controls';
import { visibleControls } from './controls-table';
import type { ControlFilters } from './view-store';

const control = (ref: string, over: Partial<Control> = {}) =>
  ({
    id: ref,
    ref,
    title: `Title ${ref}`,
    description: '',
    domain: 'access',
    ownerId: null,
    frequency: 'annual',
    criteria: ['CC6.1'],
    archived: false,
    ...over,
  }) as Control;

const controls = [
  control('AC-10', { frequency: 'daily', ownerId: 'p2' }),
  control('AC-2', { frequency: 'quarterly', ownerId: 'p1' }),
  control('BCP-01', { domain: 'continuity', criteria: ['A1.2', 'A1.3'] }),
  control('AC-03', { archived: true }),
];
const names: Record<string, string> = { p1: 'Ana', p2: 'Zoe' };
const owner = (id: string | null) => (id ? (names[id] ?? '') : '');
const base: ControlFilters = {
  search: '',
  domain: null,
  showArchived: false,
  sort: { key: 'ref', dir: 'asc' },
};
const refs = (f: Partial<ControlFilters>) =>
  visibleControls(controls, { ...base, ...f }, owner).map((c) => c.ref);

describe('visibleControls', () => {
  it('sorts references naturally and hides archived controls unless asked', () => {
    expect(refs({})).toEqual(['AC-2', 'AC-10', 'BCP-01']);
    expect(refs({ showArchived: true })).toEqual(['AC-2', 'AC-03', 'AC-10', 'BCP-01']);
  });

  it('sorts by owner (unowned last), frequency and criteria count, either way', () => {
    expect(refs({ sort: { key: 'owner', dir: 'asc' } })).toEqual(['AC-2', 'AC-10', 'BCP-01']);
    expect(refs({ sort: { key: 'frequency', dir: 'asc' } })).toEqual(['BCP-01', 'AC-2', 'AC-10']);
    expect(refs({ sort: { key: 'criteria', dir: 'desc' } })[0]).toBe('BCP-01');
  });

  it('filters by domain and by words, owners and criteria included', () => {
    expect(refs({ domain: 'continuity' })).toEqual(['BCP-01']);
    expect(refs({ search: 'zoe' })).toEqual(['AC-10']);
    expect(refs({ search: 'a1.3' })).toEqual(['BCP-01']);
  });
});

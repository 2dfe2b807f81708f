import { describe, expect, it } from 'vitest';
import type { Control } from '../../../../shared/api/controls';
import type { Assessment } from '../../../../shared/api/gaps';
import { methods } from '../../../../shared/api/index';
import {
  NO_FILTERS,
  activeFilterCount,
  controlWarnings,
  serverFilter,
  tableInput,
} from './control-filters';

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

describe('the gap analysis table', () => {
  it('asks the server for its filters, "No owner" as unowned, unset ones left out', () => {
    expect(serverFilter(NO_FILTERS)).toEqual({});
    const f = serverFilter({
      search: ' hr- ',
      status: 'not_assessed',
      domain: 'people',
      owner: 'none',
      warningsOnly: true,
    });
    expect(f).toEqual({
      search: 'hr-',
      status: 'not_assessed',
      domain: 'people',
      unowned: true,
      warningsOnly: true,
    });
    expect(serverFilter({ ...NO_FILTERS, owner: 'per_b' })).toEqual({ ownerId: 'per_b' });
    const input = tableInput({ ...NO_FILTERS, status: 'partial' }, { key: 'status', dir: 'desc' });
    // The very input the contract takes; the same filter "Set status" sends as `matching`.
    expect(methods['assessments.controls'].input.parse(input)).toMatchObject(input);
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

import { describe, expect, it } from 'vitest';
import { methods } from '../../../../shared/api/index';
import { CONTROL_PAGE_SIZE, controlListInput } from './controls-table';
import type { ControlFilters } from './view-store';

const base: ControlFilters = {
  search: '',
  domain: null,
  showArchived: false,
  sort: { key: 'ref', dir: 'asc' },
};

describe('the Scope controls table asks the server', () => {
  it('for its filters and order, leaving out what is not set', () => {
    expect(controlListInput(base)).toEqual({
      includeArchived: false,
      sort: { key: 'ref', dir: 'asc' },
      limit: CONTROL_PAGE_SIZE,
    });
    const input = controlListInput({
      search: '  cc6.1 ',
      domain: 'access',
      showArchived: true,
      sort: { key: 'owner', dir: 'desc' },
    });
    expect(input).toEqual({
      includeArchived: true,
      sort: { key: 'owner', dir: 'desc' },
      limit: CONTROL_PAGE_SIZE,
      search: 'cc6.1',
      domain: 'access',
    });
    // What the contract accepts as it is.
    expect(methods['controls.list'].input.parse(input)).toEqual(input);
  });
});

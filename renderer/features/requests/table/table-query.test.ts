import { describe, expect, it } from 'vitest';
import { methods } from '../../../../shared/api/index';
import { DEFAULT_SORT, NO_FILTERS, activeFilterCount, filtersToQuery } from './table-query';

describe('filtersToQuery', () => {
  it('sends only the filters that are set, and the order (the auditor’s by default)', () => {
    expect(filtersToQuery(NO_FILTERS)).toEqual({ sort: { key: 'ref', dir: 'asc' } });
    expect(
      filtersToQuery(
        { ...NO_FILTERS, overdue: true, wave: '2', search: '  terminated ' },
        { key: 'dueOn', dir: 'desc' },
      ),
    ).toEqual({
      overdue: true,
      wave: '2',
      search: 'terminated',
      sort: { key: 'dueOn', dir: 'desc' },
    });
    expect(activeFilterCount({ ...NO_FILTERS, notSubmitted: true, ownerId: 'per_a' })).toBe(2);
  });

  it('builds what the contract accepts, with the contract’s default order', () => {
    const input = methods['requests.list'].input;
    expect(input.parse({})).toMatchObject({ sort: DEFAULT_SORT });
    expect(
      input.safeParse({ ...filtersToQuery({ ...NO_FILTERS, ownerId: 'per_a' }), limit: 200 })
        .success,
    ).toBe(true);
  });
});

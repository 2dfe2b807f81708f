// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  EMPTY_NEW_VAULT,
  checkLocally,
  mapIssues,
  suggestFileName,
  toCreateInput,
} from './new-vault-form';

describe('new vault form', () => {
  it('suggests a safe file name from the engagement name', () => {
    expect(suggestFileName('Acme Corp — SOC 2 (2026)')).toBe('acme-corp-soc-2-2026');
    expect(suggestFileName('Café Müller')).toBe('cafe-muller');
    expect(suggestFileName('   ')).toBe('engagement');
  });

  it('builds the contract input: a period for Type II, an as-of date for Type I', () => {
    const values = {
      ...EMPTY_NEW_VAULT,
      name: 'Acme',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      asOf: '2026-03-01',
      file: 'acme',
    };
    expect(toCreateInput(values, true)).toEqual({
      file: 'acme.attest',
      engagement: {
        name: 'Acme',
        client: '',
        reportType: 'type2',
        period: { start: '2026-01-01', end: '2026-06-30' },
        categories: ['security'],
      },
    });
    const type1 = toCreateInput({ ...values, reportType: 'type1' }, false);
    expect(type1.file).toBe('acme');
    expect(type1.engagement).toMatchObject({ reportType: 'type1', asOf: '2026-03-01' });
    expect(type1.engagement).not.toHaveProperty('period');
  });

  it('shows every problem at once, in the contract’s own words', () => {
    expect(checkLocally({ ...EMPTY_NEW_VAULT, periodStart: '2026-01-01' })).toEqual({
      name: 'Give the engagement a name',
      periodEnd: 'Give the last day of the period',
      file: 'Choose where to save the vault',
    });
    expect(
      checkLocally({
        ...EMPTY_NEW_VAULT,
        name: 'Acme',
        periodStart: '2026-06-30',
        periodEnd: '2026-01-01',
        file: 'acme',
      }),
    ).toEqual({ periodEnd: 'The period must end after it starts' });
    expect(checkLocally({ ...EMPTY_NEW_VAULT, name: 'Acme', file: 'acme' })).toEqual({});
  });

  it('puts each contract issue under its field', () => {
    const { fields, general } = mapIssues([
      { path: ['engagement', 'name'], message: 'Give the engagement a name' },
      { path: ['engagement', 'period', 'end'], message: 'The period must end after it starts' },
      { path: ['engagement', 'categories', '1'], message: 'Unknown category' },
      { path: ['file'], message: 'Give a file name without folders' },
      { path: [], message: 'Something about the whole form' },
    ]);
    expect(fields).toEqual({
      name: 'Give the engagement a name',
      periodEnd: 'The period must end after it starts',
      categories: 'Unknown category',
      file: 'Give a file name without folders',
    });
    expect(general).toEqual(['Something about the whole form']);
  });
});

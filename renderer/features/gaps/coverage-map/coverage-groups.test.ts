import { describe, expect, it } from 'vitest';
import type { CriterionCoverageView } from '../../../../shared/api/gaps';
import { coverageByCategory, groupCoverage } from './coverage-groups';

const criterion = (
  id: string,
  status: CriterionCoverageView['status'],
  category = 'security',
): CriterionCoverageView => ({
  id,
  groupId: id.slice(0, id.indexOf('.')),
  category,
  title: id,
  status,
  controlIds: [],
  keyControlIds: [],
  metBy: [],
  exceptions: [],
  reason: '',
  carvedOut: false,
});

describe('groupCoverage', () => {
  it('puts groups in report order and criteria in numeric order', () => {
    const groups = groupCoverage([
      criterion('A1.2', 'mapped', 'availability'),
      criterion('CC6.10', 'mapped'),
      criterion('CC6.2', 'not_mapped'),
      criterion('CC1.1', 'met'),
      criterion('A1.1', 'mapped', 'availability'),
    ]);
    expect(groups.map((g) => g.groupId)).toEqual(['CC1', 'CC6', 'A1']);
    expect(groups[1]!.criteria.map((c) => c.id)).toEqual(['CC6.2', 'CC6.10']);
    expect(groups[2]!.criteria.map((c) => c.id)).toEqual(['A1.1', 'A1.2']);
  });
});

describe('coverageByCategory', () => {
  it('counts each status per category and leaves out categories not in scope', () => {
    const rows = coverageByCategory([
      criterion('CC1.1', 'mapped'),
      criterion('CC1.2', 'not_mapped'),
      criterion('CC1.3', 'mapped'),
      criterion('A1.1', 'not_relevant', 'availability'),
    ]);
    expect(rows).toEqual([
      { category: 'security', met: 0, mapped: 2, not_mapped: 1, not_relevant: 0 },
      { category: 'availability', met: 0, mapped: 0, not_mapped: 0, not_relevant: 1 },
    ]);
  });
});

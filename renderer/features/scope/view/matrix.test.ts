import { describe, expect, it } from 'vitest';
import type { Control, VaultCriterion } from '../../../../shared/api/controls';
import { matrixGroups, mappingStatus } from './matrix';
import type { MatrixFilters } from './view-store';

const criterion = (id: string, over: Partial<VaultCriterion> = {}): VaultCriterion => ({
  id,
  category: id.startsWith('A') ? 'availability' : 'security',
  groupId: id.split('.')[0] as VaultCriterion['groupId'],
  groupTitle: id.startsWith('A') ? 'Availability' : 'Logical access',
  cosoPrinciple: null,
  title: `Title of ${id}`,
  guidance: { asks: '', typicalControls: [], typicalEvidence: [] },
  inScope: true,
  notRelevantReason: null,
  controlIds: [],
  ...over,
});

const control = (id: string, ref: string, archived = false) =>
  ({ id, ref, title: `Control ${ref}`, archived }) as Control;

const criteria = [
  criterion('CC6.1', { controlIds: ['c2', 'c1'] }),
  criterion('CC6.4'),
  criterion('A1.2', { controlIds: ['c3'] }),
  criterion('A1.3', { notRelevantReason: 'No backups kept' }),
];
const controls = [control('c1', 'AC-01'), control('c2', 'AC-04'), control('c3', 'BCP-02', true)];
const none: MatrixFilters = { category: null, group: null, search: '', unmappedOnly: false };

describe('criteria × controls matrix', () => {
  it('groups criteria in order, with their active controls by reference', () => {
    const groups = matrixGroups(criteria, controls, new Map([['CC6.4', ['CloudHost']]]), none);
    expect(groups.map((g) => g.groupId)).toEqual(['CC6', 'A1']);
    expect(groups[0]!.rows[0]!.controls.map((c) => c.ref)).toEqual(['AC-01', 'AC-04']);
    expect(groups[0]!.rows[1]!.carvedOutTo).toEqual(['CloudHost']);
    // An archived control does not count as a mapping.
    expect(groups[1]!.rows[0]!.controls).toEqual([]);
  });

  it('filters by category, group, words and not-mapped-only', () => {
    const ids = (f: Partial<MatrixFilters>) =>
      matrixGroups(criteria, controls, new Map(), { ...none, ...f }).flatMap((g) =>
        g.rows.map((r) => r.criterion.id),
      );
    expect(ids({ category: 'availability' })).toEqual(['A1.2', 'A1.3']);
    expect(ids({ group: 'CC6' })).toEqual(['CC6.1', 'CC6.4']);
    expect(ids({ search: 'ac-04' })).toEqual(['CC6.1']);
    expect(ids({ unmappedOnly: true })).toEqual(['CC6.4']);
  });

  it('says not relevant before mapped or not', () => {
    expect(mappingStatus(criteria[3]!)).toBe('not_relevant');
    expect(mappingStatus(criteria[1]!)).toBe('not_mapped');
  });
});

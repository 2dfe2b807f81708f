import { describe, expect, it } from 'vitest';
import type { Control } from '../../../../shared/api/controls';
import { criteriaWith, criteriaWithout, unmappedControls } from './criterion-mapping';

const control = (ref: string, criteria: string[], archived = false) =>
  ({ id: `ctl_${ref.toLowerCase()}`, ref, criteria, archived }) as unknown as Control;

describe('mapping controls to a criterion', () => {
  it('offers the active controls not yet mapped to it, by reference', () => {
    const all = [
      control('CM-02', ['CC8.1']),
      control('AC-04', ['CC6.1', 'CC6.2']),
      control('AC-01', ['CC6.2']),
      control('OLD-01', ['CC8.1'], true),
    ];
    expect(unmappedControls(all, 'CC6.1').map((c) => c.ref)).toEqual(['AC-01', 'CM-02']);
  });

  it('adds the criterion once and removes it without touching the others', () => {
    const c = control('AC-04', ['CC6.1', 'CC6.2']);
    expect(criteriaWith(c, 'CC6.3')).toEqual(['CC6.1', 'CC6.2', 'CC6.3']);
    expect(criteriaWith(c, 'CC6.1')).toEqual(['CC6.1', 'CC6.2']);
    expect(criteriaWithout(c, 'CC6.1')).toEqual(['CC6.2']);
    expect(criteriaWithout(control('X-1', ['CC6.1']), 'CC6.1')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/api/gaps';
import {
  NEW_RISK,
  checkRisk,
  formToInput,
  issuesToErrors,
  unprovenControls,
  withInherent,
} from './risk-form';

describe('risk form', () => {
  it('asks for a title in the contract’s words', () => {
    expect(checkRisk(NEW_RISK)).toEqual({ title: 'Give the risk a title' });
    expect(checkRisk({ ...NEW_RISK, title: 'Laptop stolen' })).toEqual({});
  });

  it('sends an empty review date as none', () => {
    expect(formToInput({ ...NEW_RISK, title: 'x' }).reviewOn).toBeNull();
    expect(formToInput({ ...NEW_RISK, title: 'x', reviewOn: '2027-01-31' }).reviewOn).toBe(
      '2027-01-31',
    );
  });

  it('maps Attest’s field problems onto the form, first one per field', () => {
    expect(
      issuesToErrors([
        { path: ['ownerId'], message: 'No person per_x in this vault' },
        { path: ['ownerId'], message: 'second' },
        { path: ['elsewhere'], message: 'ignored' },
      ]),
    ).toEqual({ ownerId: 'No person per_x in this vault' });
  });

  it('refuses a residual above the inherent level, under the residual field', () => {
    expect(checkRisk({ ...NEW_RISK, title: 'x', likelihood: 2, residualLikelihood: 4 })).toEqual({
      residualLikelihood: 'At most 2, the inherent likelihood',
    });
  });

  it('brings the residual down when the inherent level is lowered below it', () => {
    const v = withInherent(
      { ...NEW_RISK, residualLikelihood: 3, residualImpact: 2 },
      'likelihood',
      2,
    );
    expect(v).toMatchObject({ likelihood: 2, residualLikelihood: 2, residualImpact: 2 });
    expect(withInherent(v, 'impact', 4)).toMatchObject({ impact: 4, residualImpact: 2 });
  });

  it('names linked controls not implemented when the residual claims a reduction', () => {
    const assessed = (status: Assessment['status']) => ({ status }) as Assessment;
    const assessments = { ctl_a: assessed('implemented'), ctl_b: assessed('partial') };
    const values = { ...NEW_RISK, controlIds: ['ctl_a', 'ctl_b', 'ctl_c'] };
    // No reduction claimed: nothing to warn about.
    expect(unprovenControls(values, assessments)).toEqual([]);
    const reduced = { ...values, residualLikelihood: 1 };
    expect(unprovenControls(reduced, assessments)).toEqual(['ctl_b', 'ctl_c']);
  });
});

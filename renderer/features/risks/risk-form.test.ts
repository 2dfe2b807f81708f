import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/api/gaps';
import {
  NEW_RISK,
  checkRisk,
  formToInput,
  issuesToErrors,
  unprovenControls,
  withInherent,
  withTreatment,
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

  it('fills in who accepts a risk and when on choosing "accept", and clears them otherwise', () => {
    const accepted = withTreatment(NEW_RISK, 'accept', 'per_ana', '2026-12-03');
    expect(accepted).toMatchObject({ acceptedById: 'per_ana', acceptedOn: '2026-12-03' });
    // Choosing "accept" again keeps what was chosen.
    const edited = { ...accepted, acceptedById: 'per_bo' };
    expect(withTreatment(edited, 'accept', 'per_ana', '2026-12-04')).toMatchObject({
      acceptedById: 'per_bo',
      acceptedOn: '2026-12-03',
    });
    expect(withTreatment(edited, 'transfer', 'per_ana', '2026-12-04')).toMatchObject({
      acceptedById: null,
      acceptedOn: '',
    });
    expect(formToInput({ ...NEW_RISK, title: 'x' }).acceptedOn).toBeNull();
  });
});

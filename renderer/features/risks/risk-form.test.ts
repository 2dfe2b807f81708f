import { describe, expect, it } from 'vitest';
import { NEW_RISK, checkRisk, formToInput, issuesToErrors } from './risk-form';

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
});

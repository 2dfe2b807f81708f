import { describe, expect, it } from 'vitest';
import { personPatch } from '../../../shared/api/people';
import { riskPatch } from '../../../shared/api/risks';
import { maxLengthOf } from './limits';

describe('the limits a form shows', () => {
  it('reads the contract’s text limit through optional and default wrappers', () => {
    expect(maxLengthOf(riskPatch, 'title')).toBe(300);
    expect(maxLengthOf(personPatch, 'name')).toBeGreaterThan(0);
  });

  it('says nothing for fields without a length', () => {
    expect(maxLengthOf(riskPatch, 'likelihood')).toBeNull();
    expect(maxLengthOf(riskPatch, 'no-such-field')).toBeNull();
  });
});

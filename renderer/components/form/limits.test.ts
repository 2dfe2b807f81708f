import { describe, expect, it } from 'vitest';
import { personPatch } from '../../../shared/api/people';
import { riskPatch } from '../../../shared/api/risks';
import { limitHint, maxLengthOf } from './limits';

describe('the limits a form shows', () => {
  it('reads the contract’s text limit through optional and default wrappers', () => {
    expect(maxLengthOf(riskPatch, 'title')).toBe(300);
    expect(maxLengthOf(personPatch, 'name')).toBeGreaterThan(0);
  });

  it('says nothing for fields without a length', () => {
    expect(maxLengthOf(riskPatch, 'likelihood')).toBeNull();
    expect(maxLengthOf(riskPatch, 'no-such-field')).toBeNull();
  });

  it('counts the characters once a text comes near its limit, not before', () => {
    expect(limitHint('a'.repeat(100), 300)).toBeUndefined();
    expect(limitHint('a'.repeat(240), 300)).toBe('240 / 300');
    expect(limitHint('a'.repeat(300), 300)).toBe('300 / 300');
    expect(limitHint('anything', null)).toBeUndefined();
  });
});

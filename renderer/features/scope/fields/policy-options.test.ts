import { describe, expect, it } from 'vitest';
import { policyLabel, policyOptions } from './policy-options';

const items = [
  { key: 'access-control', title: 'Access Control Policy' },
  { key: 'information-security', title: 'Information Security Policy' },
];

describe('policy options', () => {
  it('reads as "title (key)", in catalog order', () => {
    expect(policyLabel(items[0]!)).toBe('Access Control Policy (access-control)');
    expect(policyOptions(items, 'access-control')).toEqual([
      { value: 'access-control', label: 'Access Control Policy (access-control)' },
      {
        value: 'information-security',
        label: 'Information Security Policy (information-security)',
      },
    ]);
  });

  it('keeps a key this catalog no longer offers, so the field never shows blank', () => {
    expect(policyOptions(items, 'old-policy').at(-1)).toEqual({
      value: 'old-policy',
      label: 'old-policy (not in this catalog)',
    });
    expect(policyOptions(items, null)).toHaveLength(2);
  });
});

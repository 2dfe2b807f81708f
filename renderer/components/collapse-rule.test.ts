import { describe, expect, it } from 'vitest';
import { FEW, suggestionsStartOpen } from './collapse-rule';

describe('suggestionsStartOpen: main content first, suggestions out of the way', () => {
  it('keeps many suggestions collapsed under the main content', () => {
    expect(suggestionsStartOpen(27, false)).toBe(false);
    expect(suggestionsStartOpen(FEW + 1, false)).toBe(false);
  });

  it('shows a few open', () => {
    expect(suggestionsStartOpen(FEW, false)).toBe(true);
    expect(suggestionsStartOpen(1, false)).toBe(true);
  });

  it('opens them when they are all the page has, however many', () => {
    expect(suggestionsStartOpen(27, true)).toBe(true);
  });

  it('has nothing to open when none are left', () => {
    expect(suggestionsStartOpen(0, true)).toBe(false);
  });
});

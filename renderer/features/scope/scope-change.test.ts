import { describe, expect, it } from 'vitest';
import { categoryList, describeScopeChange, pendingCategories } from './scope-change';

const change = (over: Partial<Parameters<typeof describeScopeChange>[0]> = {}) => ({
  catalogVersion: '2026.1',
  criteriaInScope: 38,
  controlsInScope: 124,
  added: [],
  archived: [],
  restored: [],
  ...over,
});

describe('describeScopeChange', () => {
  it('counts a first confirm instead of listing every control', () => {
    const added = Array.from({ length: 124 }, (_, i) => `X-${i}`);
    expect(describeScopeChange(change({ added }))).toBe(
      '38 criteria and 124 controls in scope. Added 124 library controls.',
    );
  });

  it('names what a re-scope archived and restored', () => {
    expect(
      describeScopeChange(change({ archived: ['BCP-01', 'BCP-02'], restored: ['CON-01'] })),
    ).toBe(
      '38 criteria and 124 controls in scope. Archived BCP-01, BCP-02 with their work (restorable); restored CON-01.',
    );
  });

  it('says when nothing changed', () => {
    expect(describeScopeChange(change())).toContain('No controls were added or archived.');
  });
});

describe('pendingCategories', () => {
  it('finds categories chosen or dropped since the last confirm', () => {
    expect(pendingCategories(['security', 'privacy'], ['security', 'availability'])).toEqual({
      added: ['privacy'],
      removed: ['availability'],
    });
    expect(categoryList(['availability', 'confidentiality', 'privacy'])).toBe(
      'Availability, Confidentiality and Privacy',
    );
  });
});

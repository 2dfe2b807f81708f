import { describe, expect, it } from 'vitest';
import { criteriaByCategory } from './categories';

describe('criteria by trust-services category', () => {
  it('counts criteria in scope per category, Security first, scoped-out ones left out', () => {
    const bars = criteriaByCategory([
      { category: 'availability', status: 'met' },
      { category: 'security', status: 'mapped' },
      { category: 'security', status: 'met' },
      { category: 'availability', status: 'not_mapped' },
      { category: 'security', status: 'not_relevant' },
      { category: 'privacy', status: 'not_relevant' },
      { category: 'security', status: 'met' },
    ]);
    expect(bars).toEqual([
      { category: 'security', label: 'Security', met: 2, mapped: 1, notMapped: 0, total: 3 },
      {
        category: 'availability',
        label: 'Availability',
        met: 1,
        mapped: 0,
        notMapped: 1,
        total: 2,
      },
    ]);
  });

  it('names an unknown category as stored, after the known ones', () => {
    const bars = criteriaByCategory([
      { category: 'other', status: 'met' },
      { category: 'processing_integrity', status: 'mapped' },
    ]);
    expect(bars.map((b) => b.label)).toEqual(['Processing Integrity', 'other']);
  });
});

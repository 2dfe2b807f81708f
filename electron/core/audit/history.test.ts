import { describe, expect, it } from 'vitest';
import { detailsOf, fieldWords } from './history';

describe('the history tells what an entry recorded in words', () => {
  it('names fields as words, not as the API spells them', () => {
    expect(fieldWords('ownerId')).toBe('owner');
    expect(fieldWords('controlIds')).toBe('controls');
    expect(fieldWords('residualImpact')).toBe('residual impact');
    expect(fieldWords('review_on')).toBe('review on');
    expect(fieldWords('title')).toBe('title');
  });

  it('shows lists as their values, people and records by name, and nothing as "none"', () => {
    const labels = new Map([
      ['per_1', 'Priya Raman'],
      ['ctl_1', 'AC-01 Single sign-on'],
      ['ctl_2', 'AC-02 MFA'],
    ]);
    expect(
      detailsOf(
        JSON.stringify({ ownerId: 'per_1', controlIds: ['ctl_1', 'ctl_2'], tags: [], note: null }),
        labels,
      ),
    ).toBe('owner: Priya Raman, controls: AC-01 Single sign-on; AC-02 MFA, tags: none, note: —');
  });

  it('shortens long values and the whole line', () => {
    const long = 'x'.repeat(100);
    expect(detailsOf(JSON.stringify({ description: long }))).toBe(
      `description: ${'x'.repeat(57)}…`,
    );
    expect(
      detailsOf(
        JSON.stringify(
          Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`field${i}`, long])),
        ),
      ).length,
    ).toBe(240);
  });
});

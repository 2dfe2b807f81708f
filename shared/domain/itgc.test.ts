import { describe, expect, it } from 'vitest';
import { type RelianceCandidate, defaultReliance, isDefaultItgc, itgcState } from './itgc';

const c = (
  id: string,
  nature: RelianceCandidate['nature'],
  keyFor: string[],
  archived = false,
): RelianceCandidate => ({ id, nature, keyFor, archived });

describe('the IT general controls an automated control relies on by default', () => {
  it.each([
    [c('chg', 'manual', ['CC8.1']), true],
    [c('leavers', 'it_dependent_manual', ['CC6.2']), true],
    [c('review', 'manual', ['CC6.3', 'CC5.2']), true],
    [c('sso', 'automated', ['CC6.1']), false], // automated ITGCs lean on the manual ones
    [c('briefing', 'manual', ['CC1.2']), false],
    [c('old', 'manual', ['CC8.1'], true), false],
    [c('supporting-only', 'manual', []), false],
  ])('%j is an ITGC: %s', (control, expected) => {
    expect(isDefaultItgc(control)).toBe(expected);
  });

  it('links every active automated control to every default ITGC, never to itself', () => {
    const links = defaultReliance([
      c('sso', 'automated', ['CC6.1']),
      c('backups', 'automated', ['A1.2']),
      c('gone', 'automated', ['A1.2'], true),
      c('chg', 'manual', ['CC8.1']),
      c('review', 'manual', ['CC6.3']),
      c('briefing', 'manual', ['CC1.2']),
    ]);
    expect(links).toEqual([
      { controlId: 'sso', reliesOnId: 'chg' },
      { controlId: 'sso', reliesOnId: 'review' },
      { controlId: 'backups', reliesOnId: 'chg' },
      { controlId: 'backups', reliesOnId: 'review' },
    ]);
  });
});

describe('what the relied-on controls say', () => {
  it.each([
    [[], 'unknown'],
    [[{ met: true }, { met: true }], 'effective'],
    [[{ met: true }, { met: false }], 'failing'],
  ] as const)('%j: %s', (reliedOn, state) => {
    expect(itgcState(reliedOn)).toBe(state);
  });
});

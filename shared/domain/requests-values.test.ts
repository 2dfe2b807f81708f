import { describe, expect, it } from 'vitest';
import { compareRequestRefs, isRequestOverdue, statusChangeProblem } from './requests';
import {
  controlRefKey,
  guessRequestType,
  matchControlRefs,
  matchPerson,
  parseCriteriaList,
} from './requests-values';

describe('criteria lists', () => {
  it.each([
    ['CC 6.1', ['CC6.1']],
    ['cc6.1', ['CC6.1']],
    ['CC3.1, CC3.2', ['CC3.1', 'CC3.2']],
    ['CC3.1; CC3.2 / CC3.3\nCC3.4', ['CC3.1', 'CC3.2', 'CC3.3', 'CC3.4']],
    ['CC6.1 CC6.1', ['CC6.1']],
    ['CC-7.2 and A1.2', ['CC7.2', 'A1.2']],
    ['CC6.1–CC6.3', ['CC6.1', 'CC6.2', 'CC6.3']],
    ['CC6.6-6.8', ['CC6.6', 'CC6.7', 'CC6.8']],
    ['CC6.1.3 (point of focus)', ['CC6.1']],
    ['PP1.1', ['PI1.1']],
  ])('%j → %j', (text, ids) => {
    expect(parseCriteriaList(text).ids).toEqual(ids);
  });

  it('names what is not a criterion', () => {
    expect(parseCriteriaList('CC6.1, CC10.1, Logical access')).toEqual({
      ids: ['CC6.1'],
      unrecognised: ['CC10.1', 'Logical access'],
    });
  });
});

describe('control references', () => {
  const controls = [
    { id: 'ctl_1', ref: 'AC-01' },
    { id: 'ctl_2', ref: 'AC-02' },
    { id: 'ctl_10', ref: 'CM-10' },
  ];

  it('match exactly, then ignoring case, punctuation and leading zeros', () => {
    expect(controlRefKey('ac 1')).toBe(controlRefKey('AC-01'));
    expect(matchControlRefs('AC-01, ac 2; CM10', controls)).toEqual({
      ids: ['ctl_1', 'ctl_2', 'ctl_10'],
      unmatched: [],
    });
    expect(matchControlRefs('AC-01 AC-02\nXX-9', controls)).toEqual({
      ids: ['ctl_1', 'ctl_2'],
      unmatched: ['XX-9'],
    });
  });
});

describe('request types', () => {
  it.each([
    ['Document', 'document'],
    ['Policy', 'document'],
    ['Population / listing', 'population'],
    ['Sample', 'sample'],
    ['Screenshot', 'configuration'],
    ['Configuration export', 'configuration'],
    ['Inquiry', 'walkthrough'],
    ['Walk-through', 'walkthrough'],
    ['Something else', null],
  ])('%s → %s', (text, type) => {
    expect(guessRequestType(text)).toBe(type);
  });
});

describe('owners', () => {
  const people = [
    { id: 'per_ana', name: 'Ana Lima', email: 'ana@acme.io' },
    { id: 'per_jose', name: 'José Ortega', email: '' },
    { id: 'per_s1', name: 'Sam Lee', email: 's1@acme.io' },
    { id: 'per_s2', name: 'Sam Lee', email: 's2@acme.io' },
  ];

  it('are found by name or email', () => {
    expect(matchPerson('ana lima', people)).toEqual({ personId: 'per_ana' });
    expect(matchPerson('ANA@ACME.IO', people)).toEqual({ personId: 'per_ana' });
    expect(matchPerson('Ana Lima <ana@acme.io>', people)).toEqual({ personId: 'per_ana' });
    expect(matchPerson('Jose  Ortega', people)).toEqual({ personId: 'per_jose' });
    expect(matchPerson('s2@acme.io', people)).toEqual({ personId: 'per_s2' });
  });

  it('say why they are not', () => {
    expect(matchPerson('Bob', people)).toEqual({
      personId: null,
      reason: 'no one in People matches "Bob"',
    });
    expect(matchPerson('Sam Lee', people)).toEqual({
      personId: null,
      reason: 'several people are called "Sam Lee"',
    });
  });
});

describe('the internal lifecycle', () => {
  const ok = { reopen: false, hasOwner: true };
  it('moves freely before submission, and leaves submitted only when reopened', () => {
    expect(statusChangeProblem('new', 'ready_for_review', ok)).toBeNull();
    expect(statusChangeProblem('ready_for_review', 'in_progress', ok)).toBeNull();
    expect(statusChangeProblem('submitted', 'in_progress', ok)).toMatch(/reopen/);
    expect(statusChangeProblem('submitted', 'in_progress', { ...ok, reopen: true })).toBeNull();
    expect(statusChangeProblem('new', 'assigned', { ...ok, hasOwner: false })).toMatch(/owner/);
  });

  it('is overdue only before submission', () => {
    expect(isRequestOverdue('2026-01-01', 'in_progress', '2026-01-02')).toBe(true);
    expect(isRequestOverdue('2026-01-01', 'submitted', '2026-01-02')).toBe(false);
    expect(isRequestOverdue('2026-01-02', 'new', '2026-01-02')).toBe(false);
    expect(isRequestOverdue(null, 'new', '2026-01-02')).toBe(false);
  });

  it('orders references as people read them', () => {
    expect(['PBC-10', 'PBC-2', 'pbc-1', 'PBC-1'].sort(compareRequestRefs)).toEqual([
      'PBC-1',
      'pbc-1',
      'PBC-2',
      'PBC-10',
    ]);
  });
});

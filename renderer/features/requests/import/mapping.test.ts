import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../shared/api/requests';
import {
  assignChoice,
  choicesFromMapping,
  dateOrderIsAQuestion,
  exampleFor,
  mappingFromChoices,
  sameMapping,
} from './mapping';

const headers = ['PBC #', 'TSC Ref.', 'Item Requested', 'Due', 'Auditor Status'];

describe('header choices', () => {
  it('reads the guessed mapping as one choice per header, the rest kept as the auditor’s', () => {
    expect(
      choicesFromMapping(headers, { ref: 'PBC #', criteria: 'TSC Ref.', dueOn: 'Due' }),
    ).toEqual(['ref', 'criteria', 'keep', 'dueOn', 'keep']);
  });

  it('moves a field from the header that had it to the one chosen', () => {
    const choices = choicesFromMapping(headers, { ref: 'PBC #', description: 'TSC Ref.' });
    expect(assignChoice(choices, 2, 'description')).toEqual([
      'ref',
      'keep',
      'description',
      'keep',
      'keep',
    ]);
    expect(assignChoice(choices, 0, 'keep')[0]).toBe('keep');
  });

  it('gives the contract a mapping only when a column holds the request number', () => {
    expect(mappingFromChoices(headers, ['keep', 'criteria', 'keep', 'keep', 'keep'])).toBeNull();
    expect(mappingFromChoices(headers, ['ref', 'criteria', 'description', 'keep', 'keep'])).toEqual(
      { ref: 'PBC #', criteria: 'TSC Ref.', description: 'Item Requested' },
    );
  });

  it('compares mappings whatever the order of their fields', () => {
    expect(sameMapping({ ref: 'A', dueOn: 'B' }, { dueOn: 'B', ref: 'A' })).toBe(true);
    expect(sameMapping({ ref: 'A' }, { ref: 'A', dueOn: 'B' })).toBe(false);
    expect(sameMapping(null, null)).toBe(true);
  });
});

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  fileName: 'pbc.csv',
  sheet: null,
  headerRow: 1,
  headers,
  mapping: { ref: 'PBC #', dueOn: 'Due' },
  guessed: true,
  unplacedHeaders: ['Auditor Status'],
  dateOrder: { order: 'dmy', source: 'file', ambiguousValues: 0, conflicting: false },
  totalRows: 2,
  counts: { new: 2, updated: 0, unchanged: 0, skipped: 0 },
  problems: [],
  warnings: [],
  rows: [
    {
      row: 2,
      outcome: 'new',
      ref: 'PBC-001',
      description: null,
      type: null,
      wave: null,
      criteria: null,
      controlIds: null,
      period: null,
      ownerId: null,
      ownerText: null,
      dueOn: null,
      comments: null,
      extraColumns: [{ header: 'Auditor Status', value: '' }],
    },
    {
      row: 3,
      outcome: 'new',
      ref: 'PBC-002',
      description: null,
      type: null,
      wave: null,
      criteria: null,
      controlIds: null,
      period: null,
      ownerId: null,
      ownerText: null,
      dueOn: '2026-04-15',
      comments: null,
      extraColumns: [{ header: 'Auditor Status', value: 'Open\n(late)' }],
    },
  ],
  ...over,
});

describe('examples and date order', () => {
  it('shows the first non-empty value of a column, mapped or kept', () => {
    const show = { field: { ref: (r: { ref: string }) => r.ref, dueOn: () => null } };
    expect(exampleFor(preview(), 'PBC #', show)).toBe('PBC-001');
    expect(exampleFor(preview(), 'Auditor Status', show)).toBe('Open (late)');
    expect(exampleFor(preview(), 'Due', show)).toBeNull();
  });

  it('asks about the date order only when dates could be read both ways', () => {
    expect(dateOrderIsAQuestion(preview())).toBe(false);
    const ambiguous = preview({
      dateOrder: { order: 'dmy', source: 'default', ambiguousValues: 3, conflicting: false },
    });
    expect(dateOrderIsAQuestion(ambiguous)).toBe(true);
  });
});

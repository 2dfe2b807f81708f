import { describe, expect, it } from 'vitest';
import {
  findHeaderRow,
  guessColumns,
  guessHeaderField,
  guessesRefColumn,
} from './requests-headers';
import { extractTable, layoutSheet, resolveMapping } from './requests-sheet';

describe('guessing what a header means', () => {
  it.each([
    ['PBC #', 'ref'],
    ['PBC#', 'ref'],
    ['Request No.', 'ref'],
    ['Request Number', 'ref'],
    ['#', 'ref'],
    ['ID', 'ref'],
    ['Ref', 'ref'],
    ['IRL Ref #', 'ref'],
    ['TSC Ref.', 'criteria'],
    ['Criterion reference', 'criteria'],
    ['Trust Services Criteria', 'criteria'],
    ['Control', 'controls'],
    ['Control Ref', 'controls'],
    ['Related control(s)', 'controls'],
    ['Item Requested', 'description'],
    ['Request', 'description'],
    ['Request Description', 'description'],
    ['Evidence Type', 'type'],
    ['Request type', 'type'],
    ['As of', 'period'],
    ['Date range', 'period'],
    ['Population period', 'period'],
    ['Assignee', 'owner'],
    ['Responsible party', 'owner'],
    ['Control Owner', 'owner'],
    ['Deadline', 'dueOn'],
    ['Due Date', 'dueOn'],
    ['Phase', 'wave'],
    ['Notes', 'comments'],
    ['Auditor comments', 'comments'],
    ['Due\nDate', 'dueOn'],
  ])('%j → %s', (header, field) => {
    expect(guessHeaderField(header).field).toBe(field);
  });

  it.each([
    'Status',
    'Auditor Status',
    'Request status',
    'Evidence ID',
    'Date requested',
    'Priority',
    '',
  ])('%j is never placed (kept as an extra column)', (header) => {
    expect(guessHeaderField(header).field).toBeNull();
  });

  it('gives each field one column: an exact spelling beats a loose one, then the leftmost', () => {
    expect(
      guessColumns(['Requested item detail', 'Ref', 'Description', 'Notes', 'Comments']),
    ).toEqual({ description: 2, ref: 1, comments: 3 });
  });
});

describe('finding the header row', () => {
  it('is the first non-blank row', () => {
    expect(findHeaderRow([[], ['', ''], ['PBC #', 'Item']], guessesRefColumn)).toBe(2);
  });

  it('tolerates a title above the headers, even one that says "PBC"', () => {
    const rows = [['Acme PBC list'], ['Client: Acme', ''], ['#', 'Request', 'Due']];
    expect(findHeaderRow(rows, guessesRefColumn)).toBe(2);
  });

  it('falls back to the first non-blank row when none names a request number', () => {
    expect(findHeaderRow([[''], ['Name', 'Team'], ['Ana', 'Eng']], guessesRefColumn)).toBe(1);
    expect(findHeaderRow([[], ['']], guessesRefColumn)).toBeNull();
  });
});

describe('the table under the headers', () => {
  it('drops empty spacer columns, keeps a headerless column with values, and skips blank rows', () => {
    const grid = [
      ['Ref', null, 'Item', null],
      ['A-1', null, 'Policy', 'late'],
      [null, '', '  ', null],
      ['A-2', null, 'Org chart', null],
    ];
    expect(extractTable(grid, 0)).toEqual({
      headerIndex: 0,
      headers: ['Ref', 'Item', ''],
      rows: [
        { row: 2, cells: ['A-1', 'Policy', 'late'] },
        { row: 4, cells: ['A-2', 'Org chart', null] },
      ],
      blankRows: 1,
    });
  });

  it('maps headers by text, loosely, one field per column', () => {
    const headers = ['PBC #', 'Item Requested', 'Owner'];
    expect(resolveMapping(headers, { ref: 'pbc#', description: 'Item requested' })).toEqual({
      columns: { ref: 0, description: 1 },
      issues: [],
    });
    expect(resolveMapping(headers, { ref: 'PBC #', owner: 'PBC #' }).issues).toEqual([
      { field: 'owner', message: 'The column "PBC #" already feeds ref; a column feeds one field' },
    ]);
  });

  it('refuses a sheet without a request-number column unless one is mapped', () => {
    const grid = [['Number of items', 'Thing']];
    expect(layoutSheet([['Name', 'Team']], undefined)).toMatchObject({
      ok: false,
      reason: 'no_ref_column',
    });
    expect(layoutSheet(grid, { ref: 'Thing' })).toMatchObject({
      ok: true,
      layout: { columns: { ref: 1 }, guessed: false },
    });
  });
});

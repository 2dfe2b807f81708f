import { describe, expect, it } from 'vitest';
import { PopulationColumnMissing, countPopulation } from './population';

const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

describe('counting a population', () => {
  it('counts rows under the first non-empty row and flags rows dated outside the window', () => {
    const grid = [
      [null, null],
      ['Employee', 'Terminated'],
      ['Ana', '31/01/2026'],
      ['', ''],
      ['Ben', '15/07/2026'],
      ['Chen', new Date(Date.UTC(2025, 11, 31, 22, 0))],
      ['Dee', 'unknown'],
      ['Eve', '2026-06-30T23:00:00Z'],
    ];
    const c = countPopulation(grid, 'terminated', WINDOW);
    expect(c).toMatchObject({ rowCount: 5, rowsOutside: 2, rowsUndated: 1 });
    // Row numbers are the file's own (1-based), day-first decided from 31/01 and 15/07.
    expect(c.outsideSample).toEqual([
      { row: 5, date: '2026-07-15' },
      { row: 6, date: '2025-12-31' },
    ]);
    expect(c.notes.join(' ')).toMatch(/2 rows are dated outside 2026-01-01 to 2026-06-30/);
  });

  it('zero rows is valid and says what an auditor will do with it', () => {
    for (const grid of [[['Employee', 'Terminated']], []]) {
      const c = countPopulation(grid, null, WINDOW);
      expect(c.rowCount).toBe(0);
      expect(c.notes[0]).toMatch(
        /not operated and therefore not tested — which is not the same as operating effectively/,
      );
    }
  });

  it('names the columns when the date column is not there', () => {
    expect(() =>
      countPopulation(
        [
          ['A', 'B'],
          ['1', '2'],
        ],
        'Date',
        WINDOW,
      ),
    ).toThrow(PopulationColumnMissing);
    expect(() => countPopulation([['A', 'B']], 'Date', WINDOW)).toThrow(/columns are "A", "B"/);
  });
});

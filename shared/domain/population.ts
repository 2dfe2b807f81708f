/**
 * Counting a population (D1 item 3): the rows of a CSV or XLSX drawn from the system that
 * triggers a control, and which of them are dated outside the window it is meant to cover. Pure:
 * the caller reads the file (in the hostile-file worker) and passes the grid in.
 */
import { type DateOrder, decideDateOrder, parseDateText } from './requests-dates';
import type { RawCell } from './requests-values';

export interface PopulationCount {
  /** The header texts, from the first row with anything in it. */
  headers: string[];
  rowCount: number;
  rowsOutside: number;
  /** Rows whose date cell is empty or not a date (only when a date column is named). */
  rowsUndated: number;
  /** The first rows dated outside the window: their row number in the file and the date. */
  outsideSample: { row: number; date: string }[];
  /** Plain sentences about what was found, for the screen and the CLI. */
  notes: string[];
}

const SAMPLE = 20;
const ISO_START =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const blank = (cell: RawCell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

function cellText(cell: RawCell): string {
  if (cell instanceof Date) return cell.toISOString();
  return cell === null ? '' : String(cell).trim();
}

/** A date cell as `YYYY-MM-DD`, or null. Instants count by their UTC date. */
export function cellDate(cell: RawCell, order: DateOrder): string | null {
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = cellText(cell);
  if (!text) return null;
  const iso = ISO_START.exec(text);
  if (iso) return iso[1]!;
  return parseDateText(text, order).date;
}

export function countPopulation(
  grid: readonly (readonly RawCell[])[],
  dateColumn: string | null,
  window: { start: string; end: string },
): PopulationCount {
  const headerIndex = grid.findIndex((row) => row.some((c) => !blank(c)));
  const headers = headerIndex < 0 ? [] : grid[headerIndex]!.map(cellText);
  const rows: { row: number; cells: readonly RawCell[] }[] = [];
  for (let i = headerIndex + 1; headerIndex >= 0 && i < grid.length; i++) {
    if (grid[i]!.some((c) => !blank(c))) rows.push({ row: i + 1, cells: grid[i]! });
  }
  const result: PopulationCount = {
    headers,
    rowCount: rows.length,
    rowsOutside: 0,
    rowsUndated: 0,
    outsideSample: [],
    notes: [],
  };
  if (dateColumn !== null) {
    const column = headers.findIndex((h) => h.toLowerCase() === dateColumn.trim().toLowerCase());
    if (column < 0) {
      throw new PopulationColumnMissing(dateColumn, headers);
    }
    const texts = rows.map((r) => cellText(r.cells[column] ?? null));
    const { order } = decideDateOrder(texts);
    for (const r of rows) {
      const date = cellDate(r.cells[column] ?? null, order);
      if (date === null) result.rowsUndated++;
      else if (date < window.start || date > window.end) {
        result.rowsOutside++;
        if (result.outsideSample.length < SAMPLE) result.outsideSample.push({ row: r.row, date });
      }
    }
  }
  result.notes = populationNotes(result, dateColumn, window);
  return result;
}

export function populationNotes(
  c: Pick<PopulationCount, 'rowCount' | 'rowsOutside' | 'rowsUndated'>,
  dateColumn: string | null,
  window: { start: string; end: string },
): string[] {
  const notes: string[] = [];
  const span = `${window.start} to ${window.end}`;
  if (c.rowCount === 0) {
    notes.push(
      `No rows: this population is evidence that the control had nothing to act on from ${span}. An auditor will report the control as not operated and therefore not tested — which is not the same as operating effectively. Keep the query, its parameters and when it ran, so the auditor can see the population is complete.`,
    );
    return notes;
  }
  notes.push(`${c.rowCount.toLocaleString('en')} row${c.rowCount === 1 ? '' : 's'}.`);
  if (dateColumn === null) {
    notes.push('No date column was named, so rows were not checked against the window.');
    return notes;
  }
  if (c.rowsOutside > 0) {
    notes.push(
      `${c.rowsOutside.toLocaleString('en')} row${c.rowsOutside === 1 ? ' is' : 's are'} dated outside ${span}: check the query's parameters — an auditor samples from the window only and will ask why they are there.`,
    );
  }
  if (c.rowsUndated > 0) {
    notes.push(
      `${c.rowsUndated.toLocaleString('en')} row${c.rowsUndated === 1 ? ' has' : 's have'} no readable date in "${dateColumn}".`,
    );
  }
  if (c.rowsOutside === 0 && c.rowsUndated === 0) notes.push(`Every row is dated within ${span}.`);
  return notes;
}

export class PopulationColumnMissing extends Error {
  constructor(
    readonly column: string,
    readonly headers: string[],
  ) {
    super(
      `The file has no column "${column}"; its columns are ${
        headers
          .filter(Boolean)
          .map((h) => `"${h}"`)
          .join(', ') || 'none'
      }.`,
    );
  }
}

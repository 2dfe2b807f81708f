/**
 * From a grid of cells to a table of requests-to-be: the header row, the columns worth keeping,
 * and which column feeds which field (guessed, or as the user mapped it by header text).
 */
import { spreadsheetDateText } from './requests-dates';
import {
  type ColumnMapping,
  findHeaderRow,
  guessColumns,
  guessesRefColumn,
  normaliseHeader,
} from './requests-headers';
import { REQUEST_FIELDS, type RequestField } from './requests';
import type { RawCell } from './requests-values';

/** A cell as text, the way it reads in the spreadsheet (dates as ISO, line ends as `\n`). */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return spreadsheetDateText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).replace(/\r\n?/g, '\n');
}

export interface DataRow {
  /** The row number as the spreadsheet shows it (1-based). */
  row: number;
  cells: RawCell[];
}

export interface SheetTable {
  /** 0-based index of the header row in the grid. */
  headerIndex: number;
  /** Header texts as given (outer spaces trimmed), one per kept column; "" for a blank header. */
  headers: string[];
  rows: DataRow[];
  /** Rows after the header with nothing in them (skipped silently). */
  blankRows: number;
}

const isBlank = (cell: RawCell) => cellText(cell).trim() === '';

/**
 * The table under the header row. Columns with neither a header nor any value are dropped (spacer
 * columns, formatting past the end); a column with values but no header is kept with a blank
 * header, since its values are the auditor's too.
 */
export function extractTable(
  grid: readonly (readonly RawCell[])[],
  headerIndex: number,
): SheetTable {
  const headerCells = grid[headerIndex] ?? [];
  const body = grid.slice(headerIndex + 1);
  const width = Math.max(headerCells.length, ...body.map((r) => r.length));
  const kept: number[] = [];
  for (let c = 0; c < width; c++) {
    const used = !isBlank(headerCells[c] ?? null) || body.some((r) => !isBlank(r[c] ?? null));
    if (used) kept.push(c);
  }
  const rows: DataRow[] = [];
  let blankRows = 0;
  body.forEach((r, i) => {
    const cells = kept.map((c) => r[c] ?? null);
    if (cells.every(isBlank)) blankRows++;
    else rows.push({ row: headerIndex + 2 + i, cells });
  });
  return {
    headerIndex,
    headers: kept.map((c) => cellText(headerCells[c] ?? null).trim()),
    rows,
    blankRows,
  };
}

/** A mapping as the user gives it: field → header text. */
export type HeaderMapping = Partial<Record<RequestField, string>>;

export interface MappingIssue {
  field: RequestField;
  message: string;
}

/** Finds a header by its text: exactly, then ignoring case, spacing and punctuation. */
export function findHeader(headers: readonly string[], text: string): number {
  const exact = headers.findIndex((h) => h === text.trim());
  if (exact >= 0) return exact;
  const key = normaliseHeader(text);
  return key ? headers.findIndex((h) => normaliseHeader(h) === key) : -1;
}

/** Turns a user's mapping into column indexes, naming every header that is not in the file. */
export function resolveMapping(
  headers: readonly string[],
  mapping: HeaderMapping,
): { columns: ColumnMapping; issues: MappingIssue[] } {
  const columns: ColumnMapping = {};
  const issues: MappingIssue[] = [];
  const taken = new Map<number, RequestField>();
  for (const field of REQUEST_FIELDS) {
    const text = mapping[field];
    if (text === undefined) continue;
    const index = findHeader(headers, text);
    if (index < 0) {
      issues.push({ field, message: `This file has no column "${text}"` });
    } else if (taken.has(index)) {
      issues.push({
        field,
        message: `The column "${text}" already feeds ${taken.get(index)}; a column feeds one field`,
      });
    } else {
      taken.set(index, field);
      columns[field] = index;
    }
  }
  return { columns, issues };
}

/** Column indexes back to header texts, in field order (what previews and imports report). */
export function mappingOf(headers: readonly string[], columns: ColumnMapping): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const field of REQUEST_FIELDS) {
    const index = columns[field];
    if (index !== undefined) mapping[field] = headers[index]!;
  }
  return mapping;
}

/** Headers that feed no field: kept as the request's extra columns. */
export function unplacedHeaders(headers: readonly string[], columns: ColumnMapping): string[] {
  const used = new Set(Object.values(columns));
  return headers.filter((_h, i) => !used.has(i));
}

export interface SheetLayout {
  table: SheetTable;
  columns: ColumnMapping;
  guessed: boolean;
}

export type LayoutResult =
  | { ok: true; layout: SheetLayout }
  | { ok: false; reason: 'empty' | 'no_ref_column' | 'mapping'; issues: MappingIssue[] };

/**
 * Finds the header row and the columns: with a mapping, the first row (title rows tolerated) that
 * has the mapped request-number header; without one, the first row whose headers name one.
 */
export function layoutSheet(
  grid: readonly (readonly RawCell[])[],
  mapping: HeaderMapping | undefined,
): LayoutResult {
  const texts = grid.map((r) => r.map((c) => cellText(c).trim()));
  const refText = mapping?.ref;
  const hasRef = refText
    ? (cells: readonly string[]) => findHeader(cells, refText) >= 0
    : guessesRefColumn;
  const headerIndex = findHeaderRow(texts, hasRef);
  if (headerIndex === null) return { ok: false, reason: 'empty', issues: [] };
  const table = extractTable(grid, headerIndex);
  if (mapping) {
    const { columns, issues } = resolveMapping(table.headers, mapping);
    if (mapping.ref === undefined)
      issues.unshift({ field: 'ref', message: 'Say which column holds the request number' });
    if (issues.length > 0) return { ok: false, reason: 'mapping', issues };
    return { ok: true, layout: { table, columns, guessed: false } };
  }
  const columns = guessColumns(table.headers);
  if (columns.ref === undefined) return { ok: false, reason: 'no_ref_column', issues: [] };
  return { ok: true, layout: { table, columns, guessed: true } };
}

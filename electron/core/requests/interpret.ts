/** A read spreadsheet to requests-to-be: the sheet, the header row, the mapping, the rows. */
import { AttestError, type ValidationIssue } from '../../../shared/api/errors';
import type { RequestMapping } from '../../../shared/api/requests';
import {
  type DateOrder,
  type DateOrderDecision,
  decideDateOrder,
} from '../../../shared/domain/requests-dates';
import type { ColumnMapping } from '../../../shared/domain/requests-headers';
import {
  type ParsedRequestRow,
  type RowLookups,
  type RowProblem,
  dateColumnTexts,
  readRequestRows,
} from '../../../shared/domain/requests-rows';
import {
  type SheetTable,
  type LayoutResult,
  layoutSheet,
} from '../../../shared/domain/requests-sheet';
import { type ReadLimits, count, tooBig } from './limits';
import type { SpreadsheetFile } from './read-in-thread';

export interface Reading {
  sheet: string | null;
  table: SheetTable;
  columns: ColumnMapping;
  guessed: boolean;
  dateOrder: DateOrderDecision;
  rows: ParsedRequestRow[];
  problems: RowProblem[];
}

/**
 * What planning needs of a reading, without the grid: what the parse worker hands back, as JSON
 * (faster for the main thread to take in than a structured clone of the whole reading).
 */
export interface RequestListReading {
  sheet: string | null;
  headers: string[];
  /** 0-based, in the grid. */
  headerIndex: number;
  /** Data rows read (blank rows excluded). */
  totalRows: number;
  columns: ColumnMapping;
  guessed: boolean;
  dateOrder: DateOrderDecision;
  rows: ParsedRequestRow[];
  problems: RowProblem[];
}

export function listReading({ table, ...rest }: Reading): RequestListReading {
  return {
    ...rest,
    headers: table.headers,
    headerIndex: table.headerIndex,
    totalRows: table.rows.length,
  };
}

export interface ReadOptions {
  mapping?: RequestMapping | undefined;
  dateOrder?: DateOrder | undefined;
}

/**
 * The first sheet (visible ones first) that has the request-number column — mapped or guessed —
 * is the request list. A file without one is refused with what was found, so the user can map it.
 */
export function interpretSpreadsheet(
  file: SpreadsheetFile,
  fileName: string,
  options: ReadOptions,
  lookups: RowLookups,
  limits?: Pick<ReadLimits, 'tableCells' | 'headerCharsPerList'>,
): Reading {
  const failures: LayoutResult[] = [];
  for (const sheet of file.sheets) {
    const result = layoutSheet(sheet.grid, options.mapping);
    if (!result.ok) {
      failures.push(result);
      continue;
    }
    const { table, columns, guessed } = result.layout;
    if (limits) checkTableSize(table, fileName, limits);
    const dateOrder = decideDateOrder(dateColumnTexts(table, columns), options.dateOrder);
    const { rows, problems } = readRequestRows(table, columns, lookups, dateOrder);
    return { sheet: sheet.name, table, columns, guessed, dateOrder, rows, problems };
  }
  throw layoutError(file, fileName, failures);
}

/**
 * Every request keeps all of the file's columns, headers included, so what an import holds and
 * writes grows with requests × columns: bounded here, before any request is read.
 */
function checkTableSize(
  table: SheetTable,
  fileName: string,
  limits: Pick<ReadLimits, 'tableCells' | 'headerCharsPerList'>,
): void {
  const rows = table.rows.length;
  const columns = table.headers.length;
  if (rows * columns > limits.tableCells) {
    throw tooBig(
      `${fileName} has ${count(rows)} rows × ${count(columns)} columns = ${count(rows * columns)} ` +
        `cells; Attest reads at most ${count(limits.tableCells)}, far more than a request list needs`,
    );
  }
  const headerChars = table.headers.reduce((n, h) => n + h.length, 0);
  if (rows * headerChars > limits.headerCharsPerList) {
    throw tooBig(
      `${fileName} has headers of ${count(headerChars)} characters over ${count(rows)} rows; ` +
        `every request keeps them, so Attest reads at most ${count(limits.headerCharsPerList)} ` +
        `characters of headers × rows. Shorten the headers.`,
    );
  }
}

function layoutError(
  file: SpreadsheetFile,
  fileName: string,
  failures: LayoutResult[],
): AttestError {
  const mapping = failures.find((f) => !f.ok && f.reason === 'mapping');
  if (mapping && !mapping.ok) {
    const issues: ValidationIssue[] = mapping.issues.map((i) => ({
      path: ['mapping', i.field],
      message: i.message,
    }));
    return new AttestError('validation', issues[0]!.message, issues);
  }
  if (failures.every((f) => !f.ok && f.reason === 'empty'))
    return new AttestError('validation', `${fileName} has nothing in it`);
  const headers = file.sheets[0]!.grid.find((r) => r.some((c) => c !== null && String(c).trim()));
  const found = (headers ?? [])
    .map((c) => (c === null ? '' : String(c).trim()))
    .filter((c) => c !== '')
    .slice(0, 12)
    .map((c) => `"${c}"`)
    .join(', ');
  const message =
    `No column of ${fileName} looks like a request number (such as "Request #", "PBC #" or "Ref")` +
    (found ? `; the first row has ${found}` : '') +
    '. Say which column holds it.';
  return new AttestError('validation', message, [{ path: ['mapping', 'ref'], message }]);
}

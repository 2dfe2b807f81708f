/**
 * XLSX workbooks through exceljs, as cell values a person sees: rich text as its text, formulas
 * as their last computed result, hyperlinks as their text, dates as Date objects. A cell covered
 * by a merge takes the merged value when the merge runs down its column (a "Wave 1" block applies
 * to every row in it) and stays blank when the merge runs across (a title over several columns
 * belongs to its first column only).
 */
import ExcelJS from 'exceljs';
import { AttestError } from '../../../shared/api/errors';
import type { RawCell } from '../../../shared/domain/requests-values';

export interface Sheet {
  name: string;
  grid: RawCell[][];
}

/** Workbooks have no sensible request list beyond this; a bigger sheet is refused, not truncated. */
export const MAX_SHEET_ROWS = 5_000;
const MAX_SHEET_COLUMNS = 200;

/** Every worksheet with content, visible ones first. */
export async function readXlsx(bytes: Buffer, fileName: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AttestError(
      'validation',
      `${fileName} is not a readable XLSX workbook; save it from your spreadsheet app as .xlsx or .csv`,
    );
  }
  const sheets = wb.worksheets
    .slice()
    .sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  const read: Sheet[] = [];
  for (const ws of sheets) {
    if (ws.actualRowCount > MAX_SHEET_ROWS) {
      throw new AttestError(
        'validation',
        `The sheet "${ws.name}" has more than ${MAX_SHEET_ROWS} rows; that is not a request list`,
      );
    }
    const grid = sheetGrid(ws);
    if (grid.some((row) => row.some((c) => c !== null))) read.push({ name: ws.name, grid });
  }
  return read;
}

function sheetGrid(ws: ExcelJS.Worksheet): RawCell[][] {
  const grid: RawCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    while (grid.length < r - 1) grid.push([]);
    const cells: RawCell[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_SHEET_COLUMNS); c++) {
      const cell = row.findCell(c);
      cells.push(cell ? cellValue(cell) : null);
    }
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    grid.push(cells);
  });
  return grid;
}

function cellValue(cell: ExcelJS.Cell): RawCell {
  const master = cell.master;
  if (master !== cell) return master.col === cell.col ? plain(master.value) : null;
  return plain(cell.value);
}

/** An exceljs value as what the cell shows. */
function plain(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
  }
  if ('hyperlink' in v) return plain(v.text ?? v.hyperlink);
  if ('formula' in v || 'sharedFormula' in v) return plain(v.result);
  if (typeof v.error === 'string') return v.error;
  return null;
}

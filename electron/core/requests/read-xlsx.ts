/**
 * XLSX workbooks through exceljs, as cell values a person sees: rich text as its text, formulas
 * as their last computed result, hyperlinks as their text, dates as Date objects. A cell covered
 * by a merge takes the merged value when the merge runs down its column (a "Wave 1" block applies
 * to every row in it) and stays blank when the merge runs across (a title over several columns
 * belongs to its first column only).
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { AttestError } from '../../../shared/api/errors';
import type { RawCell } from '../../../shared/domain/requests-values';
import { type ReadLimits, READ_LIMITS, columnLetters, count, tooBig } from './limits';

export interface Sheet {
  name: string;
  grid: RawCell[][];
}

type GridLimits = Pick<ReadLimits, 'rows' | 'columns' | 'cellChars' | 'textChars' | 'lastRow'>;

/**
 * exceljs, loaded on first use: it takes most of a reader's start-up, and a CSV never needs it.
 *
 * exceljs expands every range of a data validation and of a defined name (the print area, the
 * auto-filter) into one entry per cell: one drop-down on a whole column is a million entries and
 * seconds of work, and a range over the whole sheet never ends. A request list needs neither, so
 * they are not read at all (this module is only loaded where request lists are read).
 */
let loading: Promise<typeof ExcelJS> | undefined;
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => {
    skipRangeExpansion();
    return module.default;
  });
  return loading;
}

function skipRangeExpansion(): void {
  const require = createRequire(import.meta.url);
  const validations = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as {
    prototype: { parseClose(name: string): boolean };
  };
  const parseClose = validations.prototype.parseClose;
  validations.prototype.parseClose = function (name: string) {
    return name === 'dataValidation' ? true : parseClose.call(this, name);
  };
  const names = require('exceljs/lib/doc/defined-names.js') as { prototype: object };
  const model = Object.getOwnPropertyDescriptor(names.prototype, 'model')!;
  Object.defineProperty(names.prototype, 'model', {
    ...model,
    set(this: { matrixMap: object }) {
      this.matrixMap = {};
    },
  });
}

/**
 * Every worksheet with content, visible ones first. The file has passed `prescanXlsx`, so exceljs
 * loads something of bounded size; what it loaded is held to the sheet limits here.
 */
export async function readXlsx(
  bytes: Buffer,
  fileName: string,
  limits: GridLimits = READ_LIMITS,
): Promise<Sheet[]> {
  const wb = new (await loadExcelJs()).Workbook();
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
  const text = { chars: 0 };
  for (const ws of sheets) {
    // Rows with anything in them: the header row besides the requests (as for a CSV).
    if (ws.actualRowCount > limits.rows + 1) {
      throw tooBig(
        `The sheet "${ws.name}" has more than ${count(limits.rows)} rows; a request list is never that long`,
      );
    }
    const grid = sheetGrid(ws, limits, text);
    if (grid.some((row) => row.some((c) => c !== null))) read.push({ name: ws.name, grid });
  }
  return read;
}

function sheetGrid(ws: ExcelJS.Worksheet, limits: GridLimits, text: { chars: number }) {
  const grid: RawCell[][] = [];
  const at = (r: number, c: number) => `${columnLetters(c)}${r} of the sheet "${ws.name}"`;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > limits.lastRow) {
      throw tooBig(
        `The sheet "${ws.name}" has something on row ${count(r)}; a request list ends well ` +
          `before row ${count(limits.lastRow)}`,
      );
    }
    while (grid.length < r - 1) grid.push([]);
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cellValue(cell);
      if (value === null) return;
      if (c > limits.columns) {
        throw tooBig(
          `Cell ${at(r, c)} has something in it; a ` +
            `request list has at most ${count(limits.columns)} columns`,
        );
      }
      if (typeof value === 'string') {
        if (value.length > limits.cellChars) {
          throw tooBig(
            `Cell ${at(r, c)} holds more than ` +
              `${count(limits.cellChars)} characters, the most a spreadsheet cell holds`,
          );
        }
        text.chars += value.length;
        if (text.chars > limits.textChars) {
          throw tooBig(
            `The workbook holds more than ${count(limits.textChars)} characters of text ` +
              `(passed at cell ${at(r, c)}); a request list is far smaller`,
          );
        }
      }
      while (cells.length < c - 1) cells.push(null);
      cells.push(value);
    });
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

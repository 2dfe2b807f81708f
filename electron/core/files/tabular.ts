import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet apps read accents), CRLF line ends. */
export function writeCsv<T>(path: string, columns: Column<T>[], rows: T[]): void {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // A leading =, +, - or @ would be a formula in a spreadsheet: neutralise it.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    columns.map((c) => cell(c.header)),
    ...rows.map((r) => columns.map((c) => cell(c.value(r)))),
  ];
  writeFileSync(path, '\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n');
}

/** One sheet, a bold frozen header row, an auto-filter and sensible widths. */
export async function writeXlsx<T>(
  path: string,
  sheetName: string,
  columns: Column<T>[],
  rows: T[],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Attest';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  await wb.xlsx.writeFile(path);
}

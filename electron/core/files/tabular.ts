/**
 * Every CSV and XLSX Attest writes goes through here, so every one neutralises cells a
 * spreadsheet would run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (spreadsheet apps drop a leading tab or CR and read what follows). Numbers stay numbers.
 * Only what Attest generates is written here; stored evidence and population files are never
 * rewritten (they leave the vault as the exact bytes that went in).
 */
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { withQuotePrefix } from './xlsx-quote-prefix';

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** Text a spreadsheet would treat as a formula (or strip down to one). */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@\t\r]/.test(text);

/**
 * RFC 4180 CSV with a UTF-8 BOM (so spreadsheet apps read accents), CRLF line ends. Text that
 * looks like a formula gets a leading `'`, which spreadsheet apps show as text.
 */
export function writeCsv<T>(path: string, columns: Column<T>[], rows: T[]): void {
  writeFileSync(path, csvBytes(columns, rows));
}

/** The bytes `writeCsv` writes. */
export function csvBytes<T>(columns: Column<T>[], rows: T[]): Buffer {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    const safe = typeof v === 'string' && looksLikeFormula(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    columns.map((c) => cell(c.header)),
    ...rows.map((r) => columns.map((c) => cell(c.value(r)))),
  ];
  return Buffer.from('\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/**
 * One sheet, a bold frozen header row, an auto-filter and sensible widths. Text is always
 * written as text (never a formula); text that looks like a formula also gets the quote-prefix
 * style, so it stays text when someone edits the cell, with no visible `'`.
 */
export async function writeXlsx<T>(
  path: string,
  sheetName: string,
  columns: Column<T>[],
  rows: T[],
): Promise<void> {
  await writeXlsxSheets(path, [{ name: sheetName, columns, rows }]);
}

export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
}

/** Several sheets in one workbook, each laid out and made safe as `writeXlsx` does. */
export async function writeXlsxSheets(
  path: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  sheets: Sheet<any>[],
): Promise<void> {
  writeFileSync(path, await xlsxBytes(sheets));
}

/**
 * The bytes `writeXlsxSheets` writes. With `stampedAt`, the workbook's created and modified
 * properties and every zip entry's time are that instant instead of now, so the same rows give
 * the same bytes (the audit package is reproducible).
 */
export async function xlsxBytes(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  sheets: Sheet<any>[],
  stampedAt?: Date,
): Promise<Buffer> {
  // Loaded when a spreadsheet is written, not with every module that can write one.
  const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS };
  const wb = new Excel.Workbook();
  wb.creator = 'Attest';
  if (stampedAt) {
    wb.created = stampedAt;
    wb.modified = stampedAt;
  }
  for (const { name, columns, rows } of sheets) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
    for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
    ws.getRow(1).font = { bold: true };
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
      }),
    );
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  return withQuotePrefix(written, stampedAt);
}

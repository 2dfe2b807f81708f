export { readBackWithPython } from '../../testing/read-back';
/**
 * Request-list files for tests, written the way auditors' files come: a CSV with unusual
 * headers, `;` delimiters, multi-line cells and blank rows, and an XLSX with a title row, merged
 * cells, rich text, formulas, hyperlinks and dates both as real dates and as text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { isAttestError, type AttestError } from '../../../shared/api/errors';
import { listControlRows } from '../../db/repos/controls';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import type { Vault } from '../vault/session';

/** Rows 2–7 as a spreadsheet numbers them: a request, a blank row, two requests, two errors. */
export const PBC_CSV = [
  'PBC #;TSC Ref.;Control;Item Requested;Evidence Type;Period;Owner;Due;Wave;Auditor Status;Notes;Priority',
  'PBC-001;CC 6.1, cc6.2;AC-01;"Access control policy\n(current version)";Document;as of 31/03/2026;Ana Lima;31/03/2026;1;Open;;High',
  ';;;;;;;;;;;',
  'PBC-002;CC6.2/CC6.3;AC-02 , AC-99;"List of all new hires; with ""start date""";Population;01/01/2026 - 30/06/2026;ana@acme.io;15 Apr 2026;2;;Please include contractors;',
  'PBC-010;CC7.2;;Incident tickets;Sample;Q1 2026;Bob Stone;"Apr 30, 2026";2;Follow-up;;',
  ';CC1.1;;Org chart;Document;;;;1;;;',
  'PBC-002;;;Duplicate;;;;;;;;',
].join('\r\n');

export const PBC_CSV_HEADERS = PBC_CSV.split('\r\n')[0]!.split(';');

export function writePbcCsv(dir: string, name = 'pbc.csv', text = PBC_CSV): string {
  const path = join(dir, name);
  writeFileSync(path, '\uFEFF' + text + '\r\n');
  return path;
}

export const XLSX_HEADERS = ['Request ID', 'Criteria', 'Description', 'Due date', 'Wave', 'Status'];

/**
 * Row 1: a title merged across; row 2: blank; row 3: headers; rows 4–6: requests. The wave is
 * one cell merged down rows 4–5; due dates are a real date, month-first text and an Excel serial.
 */
export async function writePbcXlsx(dir: string, name = 'pbc.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Instructions');
  notes.state = 'hidden';
  notes.getCell('A1').value = 'Upload evidence to the portal.';
  const ws = wb.addWorksheet('PBC list');
  ws.getCell('A1').value = 'Acme Analytics Ltd — SOC 2 Type II request list';
  ws.mergeCells('A1:F1');
  ws.getRow(3).values = XLSX_HEADERS;
  ws.getRow(4).values = [
    'R-1',
    'CC6.1',
    { richText: [{ text: 'Quarterly ' }, { text: 'access reviews', font: { bold: true } }] },
    new Date(Date.UTC(2026, 2, 31)),
    'Wave 1',
    'Open',
  ];
  ws.getRow(5).values = [
    { formula: '"R-"&"2"', result: 'R-2' },
    'CC8.1; CC8.1',
    { text: 'Change tickets (see portal)', hyperlink: 'https://portal.example/r2' },
    '04/15/2026',
    null,
    'Accepted',
  ];
  ws.mergeCells('E4:E5');
  ws.getRow(6).values = ['R-3', 'A1.2', 'Backup restore test', 46112, 'Wave 2', null];
  ws.getCell('D6').numFmt = '0';
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** A vault with its scope confirmed and Ana Lima (ana@acme.io) in People. */
export async function scopedVault(dir: string) {
  const vault = await newTestVault(dir);
  applyScope(vault);
  const ana = createPerson(vault, { name: 'Ana Lima', email: 'ana@acme.io' });
  const ref = (r: string) => listControlRows(vault.db).find((c) => c.ref === r)!.id;
  return { vault, ana, ref };
}

export async function rejection(p: Promise<unknown>): Promise<AttestError> {
  try {
    await p;
  } catch (e) {
    if (isAttestError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

export function requestCount(vault: Vault): number {
  return vault.db.sqlite.prepare('SELECT count(*) FROM request').pluck().get() as number;
}

/** A list put together from two sources: UTF-8 rows with Windows-1252 rows pasted in. */
export function writeMixedCsv(dir: string): string {
  const path = join(dir, 'mixed.csv');
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from('PBC #;Item Requested\r\nPBC-1;Café access review – Q1\r\n', 'utf8'),
      Buffer.from('PBC-2;Résumé of the café badge list\r\n', 'latin1'),
      Buffer.from('PBC-3;Zürich office list\r\n', 'utf8'),
    ]),
  );
  return path;
}

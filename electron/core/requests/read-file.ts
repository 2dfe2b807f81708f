/**
 * Opens a request-list file by what it contains, not by its name: a ZIP is read as XLSX, text as
 * CSV, anything else is refused with a message saying what it seems to be.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AttestError } from '../../../shared/api/errors';
import type { RawCell } from '../../../shared/domain/requests-values';
import { decodeText, readCsvText } from './read-csv';
import { MAX_SHEET_ROWS, readXlsx } from './read-xlsx';

/** Request lists are small; this is far above any real one and keeps parsing bounded. */
export const MAX_REQUEST_FILE_BYTES = 25 * 1024 * 1024;

export interface SpreadsheetFile {
  kind: 'csv' | 'xlsx';
  /** CSV: one sheet named null. XLSX: every worksheet with content, visible ones first. */
  sheets: { name: string | null; grid: RawCell[][] }[];
  sha256: string;
}

const SIGNATURES: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old binary Excel (.xls) or Office file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function notASpreadsheet(fileName: string, what?: string): AttestError {
  const seems = what ? ` (it looks like ${what})` : '';
  return new AttestError(
    'validation',
    `${fileName} is not a spreadsheet${seems}. Import the request list as .xlsx or .csv.`,
  );
}

async function readBytes(path: string, fileName: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AttestError('validation', `${fileName} is not a file`);
    if (info.size === 0) throw new AttestError('validation', `${fileName} is empty`);
    if (info.size > MAX_REQUEST_FILE_BYTES) {
      throw new AttestError(
        'validation',
        `${fileName} is larger than ${MAX_REQUEST_FILE_BYTES / 1024 / 1024} MiB; that is not a request list`,
      );
    }
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AttestError('not_found', `No file at ${path}`);
    throw e;
  }
}

export async function readSpreadsheet(path: string, fileName: string): Promise<SpreadsheetFile> {
  const bytes = await readBytes(path, fileName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = SIGNATURES.find(([sig]) => startsWith(bytes, sig));
  if (known) throw notASpreadsheet(fileName, known[1]);
  if (startsWith(bytes, ZIP)) {
    const sheets = await readXlsx(bytes, fileName);
    if (sheets.length === 0)
      throw new AttestError('validation', `${fileName} has no worksheet with anything in it`);
    return { kind: 'xlsx', sheets, sha256 };
  }
  const text = decodeText(bytes);
  if (text === null) throw notASpreadsheet(fileName);
  const { grid } = readCsvText(text);
  if (grid.length > MAX_SHEET_ROWS + 1) {
    throw new AttestError(
      'validation',
      `${fileName} has more than ${MAX_SHEET_ROWS} rows; that is not a request list`,
    );
  }
  if (!grid.some((r) => r.some((c) => c.trim() !== '')))
    throw new AttestError('validation', `${fileName} has nothing in it`);
  return { kind: 'csv', sheets: [{ name: null, grid }], sha256 };
}

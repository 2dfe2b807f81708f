/**
 * Opens a request-list file by what it contains, not by its name: a ZIP is read as XLSX, text as
 * CSV, anything else is refused with a message saying what it seems to be. This is the reading
 * itself; it runs in the parse worker (`parse-worker.ts`), never on the thread that answers calls.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AttestError } from '../../../shared/api/errors';
import type { RawCell } from '../../../shared/domain/requests-values';
import { decodeBytes, mixedEncodingWarning } from './decode-text';
import { type ReadLimits, bytes } from './limits';
import { readCsvText } from './read-csv';
import { readXlsx } from './read-xlsx';
import { prescanXlsx } from './xlsx-prescan';

export interface SpreadsheetFile {
  kind: 'csv' | 'xlsx';
  /** CSV: one sheet named null. XLSX: every worksheet with content, visible ones first. */
  sheets: { name: string | null; grid: RawCell[][] }[];
  sha256: string;
  /** What was read but may not be what the author meant (a file mixing two encodings). */
  warnings: string[];
}

const SIGNATURES: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old binary Excel (.xls) or Office file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (data: Uint8Array, sig: number[]) => sig.every((b, i) => data[i] === b);

function notASpreadsheet(fileName: string, what?: string): AttestError {
  const seems = what ? ` (it looks like ${what})` : '';
  return new AttestError(
    'validation',
    `${fileName} is not a spreadsheet${seems}. Import the request list as .xlsx or .csv.`,
  );
}

async function readBytes(path: string, fileName: string, limit: number): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AttestError('validation', `${fileName} is not a file`);
    if (info.size === 0) throw new AttestError('validation', `${fileName} is empty`);
    if (info.size > limit) {
      throw new AttestError(
        'validation',
        `${fileName} is larger than ${bytes(limit)}; that is not a request list`,
      );
    }
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AttestError('not_found', `No file at ${path}`);
    throw e;
  }
}

export async function readSpreadsheetInThread(
  path: string,
  fileName: string,
  limits: ReadLimits,
): Promise<SpreadsheetFile> {
  const data = await readBytes(path, fileName, limits.fileBytes);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const known = SIGNATURES.find(([sig]) => startsWith(data, sig));
  if (known) throw notASpreadsheet(fileName, known[1]);
  if (startsWith(data, ZIP)) {
    await prescanXlsx(data, fileName, limits);
    const sheets = await readXlsx(data, fileName, limits);
    if (sheets.length === 0)
      throw new AttestError('validation', `${fileName} has no worksheet with anything in it`);
    return { kind: 'xlsx', sheets, sha256, warnings: [] };
  }
  const decoded = decodeBytes(data);
  if (decoded === null) throw notASpreadsheet(fileName);
  const { grid } = readCsvText(decoded.text, { limits, name: fileName });
  if (!grid.some((r) => r.some((c) => c.trim() !== '')))
    throw new AttestError('validation', `${fileName} has nothing in it`);
  const mixed = mixedEncodingWarning(fileName, decoded);
  return { kind: 'csv', sheets: [{ name: null, grid }], sha256, warnings: mixed ? [mixed] : [] };
}

/**
 * The package's `01_Index/` CSVs read back (the evidence index, the request list, the control
 * matrix — DESIGN §6 columns, as `package/indexes.ts` writes them). Each is optional: a package
 * exported without the index category opens with what its manifest says.
 */
import { looksLikeFormula } from '../files/tabular';
import { READ_LIMITS } from '../requests/limits';
import { readCsvText } from '../requests/read-csv';

export const INDEX_CSVS = {
  evidence: '01_Index/evidence-index.csv',
  requests: '01_Index/request-list.csv',
  controls: '01_Index/control-matrix.csv',
} as const;

export interface IndexTable {
  headers: string[];
  rows: string[][];
}

/** The writer quotes text that looks like a formula with a leading `'`; this undoes it. */
function unquote(cell: string): string {
  return cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

export function readIndexCsv(bytes: Buffer, name: string): IndexTable {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const limits = { ...READ_LIMITS, rows: 200_000, textChars: 200_000_000 };
  const { grid } = readCsvText(text, { name, limits });
  const rows = grid.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map(unquote));
  return { headers: rows[0] ?? [], rows: rows.slice(1) };
}

/** A row's cell under a header (exact, as the writer spells it), or "" when there is none. */
export function cellOf(table: IndexTable, row: readonly string[], header: string): string {
  const i = table.headers.indexOf(header);
  return i < 0 ? '' : (row[i] ?? '').trim();
}

/** A cell holding a list (`CC6.1, CC6.2`) as its items. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

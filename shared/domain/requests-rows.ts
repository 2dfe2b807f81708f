/**
 * One request per data row, read through the column mapping. Rows without a request number are
 * errors (not imported); values Attest cannot use are warnings, and the cell text itself is always
 * kept among the auditor's columns.
 */
import type { RequestField, RequestType } from './requests';
import {
  type DateOrder,
  type DateOrderDecision,
  excelSerialToIsoDate,
  parseDateText,
  parsePeriodText,
  spreadsheetDateText,
} from './requests-dates';
import type { ColumnMapping } from './requests-headers';
import { type SheetTable, cellText } from './requests-sheet';
import {
  type ControlRefEntry,
  type PersonEntry,
  type RawCell,
  guessRequestType,
  matchControlRefs,
  matchPerson,
  parseCriteriaList,
} from './requests-values';
import { REQUEST_TYPES } from './requests';

/** The longest request number accepted; anything longer is not a reference. */
export const MAX_REF_LENGTH = 100;

export interface RowLookups {
  /** `unknown`: not a Trust Services Criterion; `out_of_scope`: one, outside this engagement. */
  criterion(id: string): 'known' | 'out_of_scope' | 'unknown';
  controls: readonly ControlRefEntry[];
  people: readonly PersonEntry[];
}

export interface RowProblem {
  row: number;
  column?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportedPeriod {
  text: string;
  start: string | null;
  end: string | null;
  asOf: string | null;
}

/** A row as it would be saved. `null`: the file leaves that field empty. */
export interface ParsedRequestRow {
  row: number;
  ref: string;
  description: string | null;
  type: RequestType | null;
  wave: string | null;
  criteria: string[] | null;
  controlIds: string[] | null;
  period: ImportedPeriod | null;
  ownerId: string | null;
  ownerText: string | null;
  dueOn: string | null;
  comments: string | null;
  /** Every column of the row as given, in header order: [header, text]. */
  sourceColumns: [string, string][];
  /** The columns that feed no field (the auditor's status among them). */
  extraColumns: [string, string][];
}

/** The texts of the date columns, from which the file's day/month order is decided. */
export function dateColumnTexts(table: SheetTable, columns: ColumnMapping): string[] {
  const texts: string[] = [];
  for (const field of ['dueOn', 'period'] as const) {
    const index = columns[field];
    if (index === undefined) continue;
    for (const r of table.rows) {
      const cell = r.cells[index] ?? null;
      if (typeof cell === 'string') texts.push(cell);
    }
  }
  return texts;
}

const orderName = (order: DateOrder) => (order === 'dmy' ? 'day/month' : 'month/day');

export function readRequestRows(
  table: SheetTable,
  columns: ColumnMapping,
  lookups: RowLookups,
  dates: DateOrderDecision,
): { rows: ParsedRequestRow[]; problems: RowProblem[] } {
  const rows: ParsedRequestRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfRef = new Map<string, number>();
  const mapped = new Set(Object.values(columns));
  for (const { row, cells } of table.rows) {
    const problem = (
      field: RequestField | null,
      severity: RowProblem['severity'],
      message: string,
    ) => {
      const index = field ? columns[field] : undefined;
      problems.push({
        row,
        ...(index !== undefined ? { column: table.headers[index]! } : {}),
        message,
        severity,
      });
    };
    const cellOf = (field: RequestField): RawCell => {
      const index = columns[field];
      return index === undefined ? null : (cells[index] ?? null);
    };
    const textOf = (field: RequestField): string | null => cellText(cellOf(field)).trim() || null;

    const ref = textOf('ref');
    if (!ref) {
      problem('ref', 'error', 'No request number; the row is not imported');
      continue;
    }
    if (ref.length > MAX_REF_LENGTH) {
      problem('ref', 'error', `The request number is longer than ${MAX_REF_LENGTH} characters`);
      continue;
    }
    const earlier = firstRowOfRef.get(ref);
    if (earlier !== undefined) {
      problem('ref', 'error', `${ref} already appears on row ${earlier}; this row is not imported`);
      continue;
    }
    firstRowOfRef.set(ref, row);

    const warn = (field: RequestField, message: string) => problem(field, 'warning', message);

    const sourceColumns = table.headers.map((h, i): [string, string] => [
      h,
      cellText(cells[i] ?? null).trim(),
    ]);
    rows.push({
      row,
      ref,
      description: textOf('description'),
      type: readType(textOf('type'), warn),
      wave: textOf('wave'),
      criteria: readCriteria(textOf('criteria'), lookups, warn),
      controlIds: readControls(textOf('controls'), lookups, warn),
      period: readPeriod(cellOf('period'), dates, warn),
      ...readOwner(textOf('owner'), lookups, warn),
      dueOn: readDue(cellOf('dueOn'), dates, warn),
      comments: textOf('comments'),
      sourceColumns,
      extraColumns: sourceColumns.filter((_c, i) => !mapped.has(i)),
    });
  }
  return { rows, problems };
}

type Warn = (field: RequestField, message: string) => void;

function readType(text: string | null, warn: Warn): RequestType | null {
  if (!text) return null;
  const type = guessRequestType(text);
  if (!type)
    warn(
      'type',
      `"${text}" is not a request type Attest knows (${REQUEST_TYPES.join(', ')}); left empty`,
    );
  return type;
}

function readCriteria(text: string | null, lookups: RowLookups, warn: Warn): string[] | null {
  if (!text) return null;
  const { ids, unrecognised } = parseCriteriaList(text);
  for (const piece of unrecognised)
    warn('criteria', `"${piece}" is not a criterion id; not linked`);
  const kept: string[] = [];
  for (const id of ids) {
    const status = lookups.criterion(id);
    if (status === 'unknown') {
      warn('criteria', `${id} is not a Trust Services Criterion; not linked`);
      continue;
    }
    if (status === 'out_of_scope') warn('criteria', `${id} is outside this engagement's scope`);
    kept.push(id);
  }
  return kept.length > 0 ? kept : null;
}

function readControls(text: string | null, lookups: RowLookups, warn: Warn): string[] | null {
  if (!text) return null;
  const { ids, unmatched } = matchControlRefs(text, lookups.controls);
  for (const ref of unmatched) warn('controls', `No control "${ref}" in this vault; not linked`);
  return ids.length > 0 ? ids : null;
}

function readOwner(
  text: string | null,
  lookups: RowLookups,
  warn: Warn,
): { ownerId: string | null; ownerText: string | null } {
  if (!text) return { ownerId: null, ownerText: null };
  const match = matchPerson(text, lookups.people);
  if (match.personId === null) warn('owner', `Owner left empty: ${match.reason}`);
  return { ownerId: match.personId, ownerText: text };
}

function readDue(cell: RawCell, dates: DateOrderDecision, warn: Warn): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return spreadsheetDateText(cell).slice(0, 10);
  const text = cellText(cell).trim();
  if (!text) return null;
  if (typeof cell === 'number') {
    const date = excelSerialToIsoDate(cell);
    if (!date) warn('dueOn', `${text} is not a date; due date left empty`);
    return date;
  }
  const { date, ambiguous } = parseDateText(text, dates.order);
  if (!date) warn('dueOn', `"${text}" is not a date; due date left empty`);
  else if (ambiguous && dates.source === 'default') {
    warn(
      'dueOn',
      `"${text}" reads as a date either way; read ${orderName(dates.order)} (${date}). Choose the date order if that is wrong`,
    );
  }
  return date;
}

function readPeriod(cell: RawCell, dates: DateOrderDecision, warn: Warn): ImportedPeriod | null {
  if (cell === null) return null;
  const text = cellText(cell).trim();
  if (!text) return null;
  if (cell instanceof Date) {
    return { text, start: null, end: null, asOf: spreadsheetDateText(cell).slice(0, 10) };
  }
  if (typeof cell === 'number') {
    return { text, start: null, end: null, asOf: excelSerialToIsoDate(cell) };
  }
  const parsed = parsePeriodText(text, dates.order);
  if (parsed.reversed) warn('period', `The period "${text}" ends before it starts; kept as text`);
  if (parsed.ambiguous && dates.source === 'default' && (parsed.asOf || parsed.start)) {
    warn(
      'period',
      `"${text}" has dates that read either way; read ${orderName(dates.order)}. Choose the date order if that is wrong`,
    );
  }
  return { text, start: parsed.start, end: parsed.end, asOf: parsed.asOf };
}

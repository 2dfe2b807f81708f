/**
 * How big a request list may be, checked while the file is read (never after the whole of it is in
 * memory), so a hostile or broken file is refused in bounded time and memory with a message that
 * names the limit and where it was passed. Real request lists are a few hundred rows and a few
 * hundred kilobytes; every limit is far above that. The zip and XML limits keep exceljs (which
 * cannot stop part-way) from ever seeing a file that would swamp it.
 */
import { AttestError } from '../../../shared/api/errors';

export interface ReadLimits {
  /** The file on disk. */
  fileBytes: number;
  /** Rows of a sheet (a CSV's records, blank ones included). */
  rows: number;
  /** Columns with anything in them. */
  columns: number;
  /** Characters in one cell: Excel's own limit. */
  cellChars: number;
  /** Characters in all cells together. */
  textChars: number;
  /** XLSX: entries in the zip. */
  zipEntries: number;
  /** XLSX: one entry unpacked, counted while inflating. */
  zipEntryBytes: number;
  /** XLSX: all entries unpacked. */
  zipTotalBytes: number;
  /** XLSX: one run of text, or one tag, in the XML. */
  xmlRunBytes: number;
  /** XLSX: XML elements in all parts (what exceljs builds objects for). */
  xmlElements: number;
  /** XLSX: cells (`<c>`) in all sheets, and cells covered by merges. */
  cells: number;
  /** XLSX: merged ranges (exceljs compares each with every other). */
  merges: number;
  /** XLSX: the highest row number with anything in it. */
  lastRow: number;
  /** The list as read: requests × its columns (each request keeps every column of the file). */
  tableCells: number;
  /** The list as read: requests × the header row's characters (kept with every request). */
  headerCharsPerList: number;
  /**
   * Reading, once the reader has started. A backstop: every hostile file found is refused by the
   * limits above in well under 5 s; this is generous so a busy machine never refuses a real list.
   */
  parseMs: number;
  /** The reader's heap. */
  heapMb: number;
}

export const READ_LIMITS: ReadLimits = {
  fileBytes: 25 * 1024 * 1024,
  rows: 5_000,
  columns: 200,
  cellChars: 32_767,
  textChars: 5_000_000,
  zipEntries: 1_000,
  zipEntryBytes: 32 * 1024 * 1024,
  zipTotalBytes: 64 * 1024 * 1024,
  xmlRunBytes: 256 * 1024,
  xmlElements: 1_000_000,
  cells: 150_000,
  merges: 5_000,
  lastRow: 10_000,
  tableCells: 200_000,
  headerCharsPerList: 20_000_000,
  parseMs: 10_000,
  heapMb: 160,
};

/** 5000 → "5,000": limits are read by people. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** 33554432 → "32 MiB", 262144 → "256 KiB". */
export function bytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${count(n)} bytes`;
}

/** Column 201 → "GS". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A refusal for passing a limit: a validation error whose message names the limit and where. */
export const tooBig = (message: string): AttestError => new AttestError('validation', message);

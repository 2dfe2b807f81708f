/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields with embedded delimiters, new lines and
 * doubled quotes; `,` `;` or tab as the delimiter (Excel's `sep=` line honoured). The limits are
 * checked as the text is read, so a file of nothing but new lines, or a quote that never closes,
 * is refused at the limit rather than after building the whole of it.
 */
import { AttestError } from '../../../shared/api/errors';
import { type ReadLimits, READ_LIMITS, count, tooBig } from './limits';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface ParseOptions {
  /** Stop after this many records (delimiter detection reads a sample). */
  maxRecords?: number;
  limits?: Pick<ReadLimits, 'rows' | 'columns' | 'cellChars' | 'textChars'>;
  /** How messages name the file. */
  name?: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

function newLinesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Parses CSV text into records of fields. A blank line is a record with one empty field (so row
 * numbers match the spreadsheet's). Empty fields past the column limit are dropped; text there,
 * like any other limit passed, refuses the file.
 */
export function parseCsv(text: string, delimiter: Delimiter, options: ParseOptions = {}) {
  const { maxRecords = Infinity, limits = READ_LIMITS, name = 'The CSV' } = options;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let total = 0;
  // Whether the current record has begun: a last line `""` without a line end is still a record.
  let inRecord = false;

  const endField = () => {
    if (record.length >= limits.columns) {
      if (field.trim() !== '') {
        throw tooBig(
          `Line ${count(line)} of ${name} has text in column ${count(record.length + 1)}; ` +
            `a request list has at most ${count(limits.columns)} columns`,
        );
      }
    } else {
      total += field.length;
      if (total > limits.textChars) {
        throw tooBig(
          `${name} holds more than ${count(limits.textChars)} characters of text (passed on ` +
            `line ${count(line)}); a request list is far smaller`,
        );
      }
      record.push(field);
    }
    field = '';
  };
  const endRecord = () => {
    endField();
    if (records.length >= limits.rows + 1) {
      throw tooBig(
        `${name} has more than ${count(limits.rows)} rows (line ${count(line)} is past that); ` +
          `a request list is never that long`,
      );
    }
    records.push(record);
    record = [];
    inRecord = false;
  };
  const cellTooLong = (where: string) =>
    tooBig(
      `${where} of ${name} has a cell longer than ${count(limits.cellChars)} characters, ` +
        `the most a spreadsheet cell holds`,
    );

  while (i < n && records.length < maxRecords) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    inRecord = true;
    if (c === d) {
      endField();
      i++;
      continue;
    }
    if (c === QUOTE && field === '') {
      const startLine = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (field.length + (end - i) > limits.cellChars) {
          throw tooBig(
            `${name} has a quoted cell that opens on line ${count(startLine)} and runs past ` +
              `${count(limits.cellChars)} characters, the most a spreadsheet cell holds; ` +
              `its closing quote is probably missing`,
          );
        }
        if (q === -1) {
          throw new AttestError(
            'validation',
            `${name} has a quoted field that never ends (it opens on line ${startLine})`,
          );
        }
        line += newLinesIn(text, i, q);
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    // Plain text up to the next delimiter or line end; after a closing quote, anything up to the
    // delimiter is kept, as spreadsheets do.
    let j = i;
    while (j < n) {
      const cj = text.charCodeAt(j);
      if (cj === d || cj === LF || cj === CR) break;
      j++;
      if (field.length + (j - i) > limits.cellChars) throw cellTooLong(`Line ${count(line)}`);
    }
    field += text.slice(i, j);
    i = j;
  }
  if (i >= n && inRecord) endRecord();
  return records;
}

/**
 * The delimiter that splits the first records most consistently into several fields: for each
 * candidate, how many sample records share the most common field count (>1), then more fields.
 * A title line above the headers does not sway it.
 */
export function detectDelimiter(text: string, options: ParseOptions = {}): Delimiter {
  let best: { delimiter: Delimiter; agree: number; fields: number } = {
    delimiter: ',',
    agree: 0,
    fields: 0,
  };
  for (const delimiter of DELIMITERS) {
    let sample: string[][];
    try {
      sample = parseCsv(text, delimiter, { ...options, maxRecords: 30 }).filter((r) =>
        r.some((f) => f.trim() !== ''),
      );
    } catch {
      continue;
    }
    const counts = new Map<number, number>();
    for (const r of sample) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    for (const [fields, agree] of counts) {
      if (agree > best.agree || (agree === best.agree && fields > best.fields))
        best = { delimiter, agree, fields };
    }
  }
  return best.delimiter;
}

/** Reads CSV text into a grid, honouring Excel's `sep=;` first line. */
export function readCsvText(
  text: string,
  options: Omit<ParseOptions, 'maxRecords'> = {},
): { grid: string[][]; delimiter: Delimiter } {
  const sep = /^sep=([,;\t])\r?\n/i.exec(text);
  if (sep) {
    const delimiter = sep[1] as Delimiter;
    return { grid: parseCsv(text.slice(sep[0].length), delimiter, options), delimiter };
  }
  const delimiter = detectDelimiter(text, options);
  return { grid: parseCsv(text, delimiter, options), delimiter };
}

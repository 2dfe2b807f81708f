/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields with embedded delimiters, new lines and
 * doubled quotes; a BOM; `,` `;` or tab as the delimiter (Excel's `sep=` line honoured); UTF-8,
 * UTF-16 with a BOM, or Windows-1252 (what Excel's plain "CSV" saves on Windows).
 */
import { AttestError } from '../../../shared/api/errors';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Bytes to text, or null when they are not text at all (binary data). */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return looksLikeText(text) ? text : null;
}

/** Windows-1252's printable characters at 0x80–0x9F (the five unassigned bytes stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252, written out because Node's decoder for that label is plain Latin-1 (it turns
 * 0x80 into U+0080 instead of €).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) {
    text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return text;
}

/**
 * Text has no NUL and (almost) no other control characters; binary files and random bytes have
 * plenty (about one byte in nine). A stray one in a hand-edited file is tolerated.
 */
function looksLikeText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex -- telling text from binary by its control bytes is the point
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls <= Math.max(2, text.length / 1000);
}

/** Parses CSV text into records of fields. A blank line is a record with one empty field. */
export function parseCsv(text: string, delimiter: Delimiter, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  // Whether the current record has begun: a last line `""` without a line end is still a record.
  let inRecord = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    inRecord = false;
  };
  while (i < text.length && records.length < maxRecords) {
    const ch = text[i]!;
    if (ch !== '\r' && ch !== '\n') inRecord = true;
    if (ch === '"' && field === '') {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new AttestError(
            'validation',
            `The CSV has a quoted field that never ends (it opens on line ${startLine})`,
          );
        }
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        field += text[i];
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (i >= text.length && inRecord) endRecord();
  return records;
}

/**
 * The delimiter that splits the first records most consistently into several fields: for each
 * candidate, how many sample records share the most common field count (>1), then more fields.
 * A title line above the headers does not sway it.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; agree: number; fields: number } = {
    delimiter: ',',
    agree: 0,
    fields: 0,
  };
  for (const delimiter of DELIMITERS) {
    let sample: string[][];
    try {
      sample = parseCsv(text, delimiter, 30).filter((r) => r.some((f) => f.trim() !== ''));
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
export function readCsvText(text: string): { grid: string[][]; delimiter: Delimiter } {
  const sep = /^sep=([,;\t])\r?\n/i.exec(text);
  if (sep) {
    const delimiter = sep[1] as Delimiter;
    return { grid: parseCsv(text.slice(sep[0].length), delimiter), delimiter };
  }
  const delimiter = detectDelimiter(text);
  return { grid: parseCsv(text, delimiter), delimiter };
}

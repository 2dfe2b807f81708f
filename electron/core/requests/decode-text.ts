/**
 * A CSV's bytes to text: UTF-16 with a BOM, UTF-8 (with or without a BOM), Windows-1252 (what
 * Excel's plain "CSV" saves on Windows), or a mix of UTF-8 and Windows-1252 — a list pasted
 * together from two sources. A mixed file is read piece by piece: every well-formed UTF-8 sequence
 * as UTF-8, every other byte as Windows-1252, and the lines read as Windows-1252 are reported.
 */

export interface DecodedText {
  text: string;
  /** The first lines (from 1) with bytes that are not UTF-8, in a file that is otherwise UTF-8. */
  windows1252Lines: number[];
  /** How many lines that is in all. */
  windows1252LineCount: number;
}

/** Windows-1252's printable characters at 0x80–0x9F (the five unassigned bytes stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * One byte as Windows-1252, written out because Node's decoder for that label is plain Latin-1
 * (it turns 0x80 into U+0080 instead of €).
 */
const cp1252 = (b: number): string =>
  b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    for (const b of bytes.subarray(start, start + 8192)) chunk += cp1252(b);
    parts.push(chunk);
  }
  return parts.join('');
}

/**
 * The length of the well-formed UTF-8 sequence starting at `i` with a byte ≥ 0x80, or 0 when
 * there is none (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
 */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** How many of the lines read as Windows-1252 a warning names (it counts them all). */
const LINES_NAMED = 8;

/**
 * Bytes that are not all UTF-8: Windows-1252 when no UTF-8 sequence is in them at all (the file
 * was saved that way), otherwise the mixed reading described above. Two passes, so a plain
 * Windows-1252 file costs no more than it did.
 */
function decodeNotUtf8(bytes: Uint8Array): DecodedText {
  const lines: number[] = [];
  let lineCount = 0;
  let sequences = 0;
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
    } else {
      const length = utf8SequenceAt(bytes, i);
      if (length > 0) sequences++;
      else if (lines.at(-1) !== line) {
        lineCount++;
        if (lines.length < LINES_NAMED) lines.push(line);
      }
      i += Math.max(length, 1);
    }
  }
  if (sequences === 0)
    return { text: decodeWindows1252(bytes), windows1252Lines: [], windows1252LineCount: 0 };
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(runStart, i)), cp1252(bytes[i]!));
    runStart = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), windows1252Lines: lines, windows1252LineCount: lineCount };
}

/** Bytes to text, or null when they are not text at all (binary data). */
export function decodeBytes(bytes: Uint8Array): DecodedText | null {
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = {
      text: new TextDecoder('utf-16le').decode(bytes),
      windows1252Lines: [],
      windows1252LineCount: 0,
    };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = {
      text: new TextDecoder('utf-16be').decode(bytes),
      windows1252Lines: [],
      windows1252LineCount: 0,
    };
  } else {
    try {
      decoded = {
        text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
        windows1252Lines: [],
        windows1252LineCount: 0,
      };
    } catch {
      decoded = decodeNotUtf8(bytes);
    }
  }
  if (decoded.text.charCodeAt(0) === 0xfeff) decoded.text = decoded.text.slice(1);
  return looksLikeText(decoded.text) ? decoded : null;
}

/** Bytes to text, or null when they are not text at all. */
export const decodeText = (bytes: Uint8Array): string | null => decodeBytes(bytes)?.text ?? null;

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

/** The warning a preview and an import show for a mixed file, or null for a clean one. */
export function mixedEncodingWarning(fileName: string, decoded: DecodedText): string | null {
  const { windows1252Lines: lines, windows1252LineCount: n } = decoded;
  if (n === 0) return null;
  const shown = lines.join(', ') + (n > lines.length ? ', …' : '');
  const which = n === 1 ? `line ${shown} is` : `${n} lines (${shown}) are`;
  return (
    `${fileName} mixes two encodings: ${which} not UTF-8 like the rest of the file and ` +
    `${n === 1 ? 'was' : 'were'} read as Windows-1252. Check accented letters and symbols ` +
    `on ${n === 1 ? 'that line' : 'those lines'}.`
  );
}

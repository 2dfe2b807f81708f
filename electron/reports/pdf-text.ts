/**
 * The standard PDF fonts (Helvetica) can show only the Windows-1252 character set. Text outside it
 * would print as garbage, so it is transliterated where there is an obvious equivalent and shown
 * as "?" otherwise. (Embedding a Unicode font would lift this; none ships with Attest yet.)
 */
const WIN_ANSI_EXTRA = new Set(
  '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((c) => c.codePointAt(0)!),
);

const TRANSLITERATIONS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2022': '•',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\u2212': '-',
  '\u0141': 'L',
  '\u0142': 'l',
};

function printable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code)
  );
}

export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (printable(code)) {
      out += ch;
      continue;
    }
    if (ch === '\t' || ch === '\n') {
      out += ' ';
      continue;
    }
    const mapped = TRANSLITERATIONS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // Accented letters outside Latin-1 (ő, ș, č…): the base letter is better than a "?".
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...base].every((c) => printable(c.codePointAt(0)!)) && base !== '' ? base : '?';
  }
  return out;
}

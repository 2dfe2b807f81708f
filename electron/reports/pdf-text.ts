import { pdfFonts } from './fonts';

/**
 * Text as the PDF fonts can print it. DejaVu Sans (see fonts.ts) covers Latin with every accent,
 * Greek, Cyrillic, Armenian, Georgian, typographic quotes and dashes, arrows, maths (≥ ≠ ±),
 * check marks and many symbols. It has no Chinese, Japanese or Korean, no Indic or Thai scripts,
 * and not every emoji; Hebrew and Arabic have glyphs but print left to right (pdfkit does no
 * bidirectional layout). A character the fonts lack would print as an empty box that copies as
 * nothing, so instead it becomes
 * - nothing, if it is invisible anyway (zero-width joiner, variation selector, …);
 * - its compatibility form, if the fonts have that (full-width "Ａ" → "A"; an accent the fonts
 *   cannot draw is dropped, keeping the letter);
 * - otherwise U+FFFD "�", which marks the gap visibly, and in copied text, instead of hiding it.
 * Line breaks and tabs become spaces (paragraphs are separate blocks); other control characters
 * are dropped. A very long run with nowhere to break gets zero-width places to break.
 */
export function pdfSafe(text: string): string {
  return breakLongRuns(fitToFont(text, pdfFonts().covered));
}

/**
 * The longest run of text printed with nowhere to break (in characters). pdfkit splits a word
 * longer than a line by measuring the rest of the word again for every line it fills: a
 * 100,000-character word pasted into a draft blocked the process for minutes and took gigabytes.
 * A zero-width space (which prints nothing) every this many characters keeps that linear; a run
 * this long spans lines anyway, so ordinary long words and links wrap as before.
 */
export const LONGEST_UNBROKEN_RUN = 200;

const LONG_RUN = new RegExp(`[^ \u200b]{${LONGEST_UNBROKEN_RUN + 1},}`, 'gu');

function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const chars = [...run];
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += LONGEST_UNBROKEN_RUN)
      pieces.push(chars.slice(i, i + LONGEST_UNBROKEN_RUN).join(''));
    return pieces.join('\u200b');
  });
}

const REPLACEMENT = '\uFFFD';
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const CONTROL = /^\p{Cc}$/u;
const MARK = /^\p{M}$/u;

/** `pdfSafe` against a given set of covered code points. */
export function fitToFont(text: string, covered: ReadonlySet<number>): string {
  const has = (ch: string) => covered.has(ch.codePointAt(0)!);
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    if (ch === '\t' || ch === '\n') out += ' ';
    else if (CONTROL.test(ch)) continue;
    else if (has(ch)) out += ch;
    else if (INVISIBLE.test(ch)) continue;
    else {
      const compatible = [...ch.normalize('NFKD')].filter((c) => has(c) || !MARK.test(c));
      if (compatible.length > 0 && compatible.every(has)) out += compatible.join('');
      else out += has(REPLACEMENT) ? REPLACEMENT : '?';
    }
  }
  return out;
}

/**
 * A small document model for drafts, and its Markdown form. Drafts are built as blocks, edited
 * as Markdown, and rendered to DOCX and PDF from blocks again, so the Markdown subset here is
 * exactly what the renderers can show: `#`/`##`/`###` headings, paragraphs, `- ` bullet lists and
 * pipe tables. Text is plain (no inline emphasis), one line per block or item.
 */
import { markdownToBlocks } from './markdown';

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[]; ordered?: true; start?: number }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** Whitespace collapsed to single spaces, trimmed: a block's text is always one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The canonical form of a block list: one-line text, empty blocks and items dropped, table rows
 * padded or cut to the header's width. `parseMarkdown(toMarkdown(b))` equals `normaliseBlocks(b)`.
 */
export function normaliseBlocks(blocks: readonly DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') {
      const text = oneLine(b.text);
      if (text !== '') out.push({ ...b, text });
    } else if (b.kind === 'bullets') {
      const items = b.items.map(oneLine).filter((i) => i !== '');
      if (items.length > 0) out.push({ kind: 'bullets', items });
    } else {
      const header = b.header.map(oneLine);
      if (header.length === 0) continue;
      const width = (row: readonly string[]) => header.map((_, i) => oneLine(row[i] ?? ''));
      out.push({ kind: 'table', header, rows: b.rows.map(width) });
    }
  }
  // Adjacent lists or paragraphs would merge when read back; keep them as Markdown reads them.
  return mergeAdjacentLists(out);
}

function mergeAdjacentLists(blocks: DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const b of blocks) {
    const prev = out.at(-1);
    if (prev?.kind === 'bullets' && b.kind === 'bullets') prev.items.push(...b.items);
    else out.push(b.kind === 'bullets' ? { kind: 'bullets', items: [...b.items] } : b);
  }
  return out;
}

export function toMarkdown(blocks: readonly DocBlock[]): string {
  return (
    normaliseBlocks(blocks)
      .map((b) => {
        switch (b.kind) {
          case 'heading':
            return `${'#'.repeat(b.level)} ${b.text}`;
          case 'paragraph':
            return escapeParagraphStart(b.text);
          case 'bullets':
            return b.items.map((i) => `- ${escapeParagraphStart(i)}`).join('\n');
          case 'table':
            return [
              tableRow(b.header),
              tableRow(b.header.map(() => '---')),
              ...b.rows.map(tableRow),
            ].join('\n');
        }
      })
      .join('\n\n') + '\n'
  );
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Text that would read as another block (or lose a leading backslash) gets a `\`; the parser
 * removes exactly one backslash before ASCII punctuation at the start of a paragraph or item.
 */
function escapeParagraphStart(text: string): string {
  const looksLikeBlock =
    /^#{1,6}(\s|$)/.test(text) ||
    /^[-*+](\s|$)/.test(text) ||
    /^([-*_])( *\1){2,} *$/.test(text) ||
    text.startsWith('|') ||
    (text.startsWith('\\') && ASCII_PUNCTUATION.test(text.charAt(1)));
  return looksLikeBlock ? `\\${text}` : text;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/[\\|]/g, (m) => `\\${m}`)).join(' | ')} |`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads Markdown into blocks through the one markdown-it parse (`markdown.ts`) that the preview,
 * the DOCX and the PDF share: headings deeper than `###` become level 3, a thematic break is
 * dropped, a list item's lines join, consecutive lines of a paragraph join with a space, and a
 * table needs its delimiter row (as on GitHub).
 */
export function parseMarkdown(markdown: string): DocBlock[] {
  return normaliseBlocks(markdownToBlocks(markdown));
}

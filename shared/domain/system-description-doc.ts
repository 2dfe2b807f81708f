/**
 * A small document model for drafts, and its Markdown form. Drafts are built as blocks, edited
 * as Markdown, and rendered to DOCX and PDF from blocks again, so the Markdown subset here is
 * exactly what the renderers can show: `#`/`##`/`###` headings, paragraphs, `- ` bullet lists and
 * pipe tables. Text is plain (no inline emphasis), one line per block or item.
 */
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

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const BULLET = /^\s*[-*+][ \t]+(.*)$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Reads our Markdown subset. Anything else is kept as text: a `####` heading becomes level 3, a
 * thematic break is dropped, an indented line continues the list item above it, and consecutive
 * lines of a paragraph join with a space.
 */
export function parseMarkdown(markdown: string): DocBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocBlock[] = [];
  let paragraph: string[] | null = null;
  let list: string[] | null = null;
  let table: string[][] | null = null;

  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'bullets', items: list });
    if (table) blocks.push(toTable(table));
    paragraph = list = table = null;
  };

  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (table && trimmed.startsWith('|')) {
      table.push(splitRow(trimmed));
      continue;
    }
    if (list && /^\s{2,}\S/.test(line) && !BULLET.test(line)) {
      list[list.length - 1] += ` ${trimmed}`;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, text: heading[2] ?? '' });
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (!list) flush();
      list ??= [];
      list.push(unescapeStart(bullet[1]!.trim()));
      continue;
    }
    if (trimmed.startsWith('|')) {
      flush();
      table = [splitRow(trimmed)];
      continue;
    }
    if (!paragraph) flush();
    paragraph ??= [];
    paragraph.push(paragraph.length === 0 ? unescapeStart(trimmed) : trimmed);
  }
  flush();
  return normaliseBlocks(blocks);
}

function unescapeStart(text: string): string {
  return text.startsWith('\\') && ASCII_PUNCTUATION.test(text.charAt(1)) ? text.slice(1) : text;
}

/** Cells of a `| a | b |` row; `\|` is a literal pipe and `\\` a literal backslash. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let closed = false; // the row so far ends with a real separator (and whitespace)
  for (let i = 0; i < row.length; i++) {
    const ch = row.charAt(i);
    const next = row.charAt(i + 1);
    if (ch === '\\' && (next === '|' || next === '\\')) {
      cell += next;
      i++;
      closed = false;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
      closed = true;
    } else {
      cell += ch;
      if (!/\s/.test(ch)) closed = false;
    }
  }
  // The outer pipes leave an empty first cell and, when the row is closed, an empty last one.
  if (!closed) cells.push(cell);
  if (row.startsWith('|')) cells.shift();
  return cells.map((c) => c.trim());
}

function toTable(rows: string[][]): DocBlock {
  const [header = [], second, ...rest] = rows;
  const isDelimiter = second && DELIMITER_ROW.test(`|${second.join('|')}|`);
  const body = isDelimiter ? rest : second ? [second, ...rest] : rest;
  return { kind: 'table', header, rows: body };
}

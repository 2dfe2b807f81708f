/**
 * The one Markdown parse: markdown-it with raw HTML disabled. Its tokens become the document
 * blocks the DOCX and PDF renderers draw (headings, paragraphs, bullet and numbered lists,
 * tables), and its HTML is what the renderer shows after sanitising, so a policy reads the same
 * in all three. Inline emphasis and links become plain text in the blocks: the documents carry
 * the words, the screen may style them.
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import type { DocBlock } from './system-description-doc';

let parser: MarkdownIt | undefined;

/** The shared parser: CommonMark plus tables and strikethrough, no raw HTML, no auto-links. */
export function markdownParser(): MarkdownIt {
  parser ??= markdownIt('default', { html: false, linkify: false, typographer: false });
  return parser;
}

/** HTML for the screen. Raw HTML in the source is shown as text; the renderer still sanitises. */
export function markdownToHtml(markdown: string): string {
  return markdownParser().render(markdown);
}

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let out = '';
  for (const c of token.children) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
    else if (c.type === 'image') out += c.content;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The document blocks of a Markdown text, read from markdown-it's tokens. */
export function markdownToBlocks(markdown: string): DocBlock[] {
  const tokens = markdownParser().parse(markdown, {});
  const blocks: DocBlock[] = [];
  const lists: { ordered: boolean; items: string[]; start: number }[] = [];
  let table: { header: string[]; rows: string[][]; row: string[] | null; inHead: boolean } | null =
    null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const level = Math.min(3, Number(t.tag.slice(1))) as 1 | 2 | 3;
        blocks.push({ kind: 'heading', level, text: inlineText(tokens[i + 1]) });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({
          ordered: t.type === 'ordered_list_open',
          items: [],
          start: Number(t.attrGet('start') ?? 1),
        });
        break;
      case 'list_item_open':
        lists.at(-1)?.items.push('');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const list = lists.pop()!;
        const items = list.items.filter((x) => x !== '');
        if (lists.length > 0) {
          // A nested list continues its parent item's text.
          const parent = lists.at(-1)!;
          parent.items[parent.items.length - 1] += ` ${items.join('; ')}`;
        } else if (items.length > 0)
          blocks.push(
            list.ordered
              ? { kind: 'bullets', items, ordered: true, start: list.start }
              : { kind: 'bullets', items },
          );
        break;
      }
      case 'table_open':
        table = { header: [], rows: [], row: null, inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        if (table) table.row = [];
        break;
      case 'th_open':
      case 'td_open':
        table?.row?.push(inlineText(tokens[i + 1]));
        break;
      case 'tr_close':
        if (table?.row) {
          if (table.inHead) table.header = table.row;
          else table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'table_close':
        if (table) blocks.push({ kind: 'table', header: table.header, rows: table.rows });
        table = null;
        break;
      case 'inline': {
        const prev = tokens[i - 1];
        if (prev?.type !== 'paragraph_open') break;
        const text = inlineText(t);
        if (!text) break;
        const list = lists.at(-1);
        if (list) {
          const last = list.items.length - 1;
          list.items[last] = list.items[last] ? `${list.items[last]} ${text}` : text;
        } else blocks.push({ kind: 'paragraph', text });
        break;
      }
      case 'code_block':
      case 'fence':
        for (const line of t.content.replace(/\n$/, '').split('\n'))
          if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
        break;
      case 'html_block': // never produced with html disabled; kept as text if it ever is
        if (t.content.trim()) blocks.push({ kind: 'paragraph', text: t.content.trim() });
        break;
      default:
        break;
    }
  }
  return blocks;
}

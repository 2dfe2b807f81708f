/**
 * Markdown to HTML that is safe to put in the page: the one markdown-it parse (raw HTML off, the
 * same parse the DOCX and PDF exports use), then DOMPurify with a short list of tags and
 * attributes. Links keep only `https:`, `mailto:` and in-page targets (a `javascript:` link loses
 * its address), images only inline `data:image/` sources (nothing is fetched from the network,
 * as the CSP also insists), and no event handler, style or script survives. Attest's
 * "[To be completed: …]" gaps are marked so they stand out.
 */
import DOMPurify from 'dompurify';
import { markdownToHtml } from '../../../shared/domain/markdown';
import { splitPlaceholders } from '../../../shared/domain/system-description-wording';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'del',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'start', 'style'];
const SAFE_LINK = /^(?:https:|mailto:|#)/i;
const SAFE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);/i;

export interface SafeMarkdownOptions {
  /** The heading level a `#` becomes (the page has its own title above). */
  headingBase?: number;
}

export function safeMarkdownHtml(markdown: string, options: SafeMarkdownOptions = {}): string {
  // Wrapped in a <div> and unwrapped after (markdown-it never writes a div): some DOMs (happy-dom)
  // unwrap the first element DOMPurify walks, which would turn a leading heading into text.
  const sanitised = DOMPurify.sanitize(`<div>${markdownToHtml(markdown)}</div>`, {
    ALLOWED_TAGS: [...ALLOWED_TAGS, 'div'],
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  const doc = sanitised.ownerDocument;
  const fragment = doc.createDocumentFragment();
  for (const node of [...sanitised.childNodes])
    if (node.nodeName === 'DIV') fragment.append(...node.childNodes);
    else fragment.append(node);
  for (const a of [...fragment.querySelectorAll('a')]) {
    const href = a.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href.trim())) a.removeAttribute('href');
    else a.setAttribute('rel', 'noopener noreferrer');
  }
  for (const img of [...fragment.querySelectorAll('img')])
    if (!SAFE_IMAGE.test(img.getAttribute('src') ?? '')) img.remove();
  // markdown-it writes table alignment as style="text-align:…"; nothing else may style.
  for (const el of [...fragment.querySelectorAll('[style]')]) {
    const align = /^text-align:\s*(left|right|center)$/.exec(el.getAttribute('style') ?? '');
    if (align && (el.tagName === 'TH' || el.tagName === 'TD'))
      el.setAttribute('style', `text-align: ${align[1]}`);
    else el.removeAttribute('style');
  }
  const shift = Math.max(0, (options.headingBase ?? 1) - 1);
  if (shift > 0)
    for (const h of [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
      const level = Math.min(6, Number(h.tagName.slice(1)) + shift);
      const next = doc.createElement(`h${level}`);
      next.append(...h.childNodes);
      h.replaceWith(next);
    }
  markPlaceholders(fragment, doc);
  const box = doc.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

function markPlaceholders(root: DocumentFragment, doc: Document): void {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const node of texts) {
    const parts = splitPlaceholders(node.data);
    if (!parts.some((p) => p.placeholder)) continue;
    node.replaceWith(
      ...parts.map((p) => {
        if (!p.placeholder) return doc.createTextNode(p.text);
        const mark = doc.createElement('mark');
        mark.setAttribute('data-testid', 'placeholder');
        mark.textContent = p.text;
        return mark;
      }),
    );
  }
}

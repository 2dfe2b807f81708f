import type PDFDocument from 'pdfkit';
import { AttestError } from '../../shared/api/errors';
import { splitPlaceholders } from '../../shared/domain/system-description-wording';
import { PDF_STYLE as S, contentBox } from './pdf-style';
import { roomNeeded } from './pdf-flow';
import { drawTable, tableHeight } from './pdf-table';
import { pdfFonts } from './fonts';
import { pdfSafe } from './pdf-text';
import { drawBars } from './pdf-bars';
import { type FontkitFont, useLightPostTable, useQuickLayout } from './pdf-shaping';
import { DRAFT_FOOTER, type RenderInput, type ReportBlock, runningHeader } from './types';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Renders a document to PDF: A4, DejaVu Sans (embedded), headings, paragraphs, bullet lists,
 * tables and bar charts, with a running header, page numbers and the footer on every page.
 * A contents block keeps its room on the page and is drawn once every section's page is known
 * (pages are buffered), so the document is laid out once.
 */
export async function renderPdf(input: RenderInput, options: RenderOptions = {}): Promise<Buffer> {
  // Loaded on first use: pdfkit and its font stack cost a few hundred milliseconds of start-up
  // that every `attest serve` host and Electron's runtime would otherwise pay before a PDF is asked for.
  const { default: PdfDocument } = await import('pdfkit');
  const fonts = pdfFonts();
  const doc = new PdfDocument({
    size: 'A4',
    margins: S.margins,
    bufferPages: true,
    // The embedded font from the start: given no font, pdfkit loads Helvetica as the default.
    font: fonts.regular,
    // Document properties are stored as UTF-16 and shown with the viewer's own fonts.
    info: {
      // An approved policy or a report is not a draft; only drafts say so in their title.
      Title: propertyText(`${input.meta.title}${isDraft(input.meta.stamp) ? ' (draft)' : ''}`),
      Author: propertyText(input.meta.client),
      Subject: propertyText(runningHeader(input.meta)),
      Creator: 'Attest',
      // pdfkit derives the file ID from these: a fixed time gives a fixed ID.
      ...(input.meta.stampedAt
        ? { CreationDate: input.meta.stampedAt, ModDate: input.meta.stampedAt }
        : {}),
    },
  });
  doc.registerFont(S.font, fonts.regular);
  doc.registerFont(S.boldFont, fonts.bold);
  if (!options.fullShaping) quickenFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const contents = sectionsAfterToc(input.blocks);
  let tocAt: { page: number; y: number } | null = null;
  const pages = new Map<string, number>();
  for (let i = 0; i < input.blocks.length; i++) {
    const block = input.blocks[i]!;
    if (options.signal) await between(options.signal);
    if (block.kind === 'toc') {
      tocAt = reserveToc(doc, contents);
      continue;
    }
    drawBlock(doc, input.blocks, i);
    if (block.kind === 'heading' && block.level === 1 && !pages.has(block.text)) {
      const { start, count } = doc.bufferedPageRange();
      pages.set(block.text, start + count);
      options.progress?.(`Laying out page ${start + count}: ${block.text}`);
    }
  }
  if (options.signal) await between(options.signal);
  if (tocAt) drawToc(doc, tocAt, contents, pages);
  drawPageFrames(doc, input.meta);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Opens both faces and gives each the quick word layout (pdf-shaping.ts). pdfkit opens a fresh
 * fontkit font per document and keeps it on its font object (`font`), which its types do not
 * show; only this document's fonts are changed.
 */
function quickenFonts(doc: Doc): void {
  // Regular first, as drawing would open them (the font ids, F1/F3, stay as they were).
  for (const face of [S.font, S.boldFont]) {
    doc.font(face);
    const opened = (doc as unknown as { _font?: { font?: FontkitFont } })._font?.font;
    if (opened && typeof opened.layout === 'function') {
      useQuickLayout(opened);
      useLightPostTable(opened);
    }
  }
  doc.font(S.font);
}

export interface RenderOptions {
  /** Checked between blocks: once aborted, rendering stops with a `cancelled` error. */
  signal?: AbortSignal;
  /** Told the section being laid out, for a job's progress. */
  progress?: (step: string) => void;
  /** Every word through fontkit's shaper: the reference the quick layout is checked against. */
  fullShaping?: boolean;
}

/**
 * Hands the event loop over between blocks, so a cancel (or any other request) is heard while a
 * long document is laid out, and stops there once the caller has cancelled. A block at a time:
 * the longest (a table of every control) takes a fraction of a second.
 */
async function between(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved.');
}

const TOC_HEADER = ['Section', 'Page'];

/** Keeps the contents' room where it stands (on a new page if it would not fit). */
function reserveToc(doc: Doc, titles: readonly string[]): { page: number; y: number } {
  // Three digits: at least as wide as any page number the contents will print.
  const height = tableHeight(
    doc,
    TOC_HEADER,
    titles.map((t) => [t, '000']),
  );
  if (doc.y + height > contentBox(doc).bottom) doc.addPage();
  const { start, count } = doc.bufferedPageRange();
  const at = { page: start + count - 1, y: doc.y };
  doc.y += height;
  return at;
}

function drawToc(
  doc: Doc,
  at: { page: number; y: number },
  titles: readonly string[],
  pages: ReadonlyMap<string, number>,
): void {
  doc.switchToPage(at.page);
  doc.x = contentBox(doc).left;
  doc.y = at.y;
  drawTable(
    doc,
    TOC_HEADER,
    titles.map((t) => [t, String(pages.get(t) ?? '')]),
  );
}

/** The level-1 headings the contents lists: those after the contents block. */
function sectionsAfterToc(blocks: readonly ReportBlock[]): string[] {
  const at = blocks.findIndex((b) => b.kind === 'toc');
  if (at < 0) return [];
  return blocks
    .slice(at + 1)
    .flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
}

function isDraft(stamp: string | undefined): boolean {
  return stamp === undefined || stamp === 'DRAFT';
}

function propertyText(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}

function drawBlock(doc: Doc, blocks: readonly ReportBlock[], i: number): void {
  const block = blocks[i]!;
  const box = contentBox(doc);
  doc.x = box.left;
  const atTop = doc.y <= box.top + 1;
  if (!atTop && doc.y + roomNeeded(doc, blocks, i) > box.bottom) doc.addPage();
  switch (block.kind) {
    case 'heading':
      return drawHeading(doc, block.level, block.text);
    case 'paragraph':
      body(doc);
      richText(doc, block.text, box.left, doc.y, box.width);
      doc.y += S.blockGap;
      return;
    case 'bullets':
      block.items.forEach((item, n) =>
        drawBullet(doc, item, block.ordered ? `${(block.start ?? 1) + n}.` : '•'),
      );
      doc.y += S.blockGap - 3;
      return;
    case 'table':
      return drawTable(doc, block.header, block.rows);
    case 'bars':
      return drawBars(doc, block);
    case 'toc':
      throw new Error('The contents are drawn by renderPdf once every page is known');
  }
}

/** Body text with any `[To be completed: …]` gap in the placeholder colour, so it catches the eye. */
function richText(doc: Doc, text: string, x: number, y: number, width: number): void {
  const parts = splitPlaceholders(pdfSafe(text));
  parts.forEach((part, i) => {
    const options = { width, lineGap: S.bodyLineGap, continued: i < parts.length - 1 };
    doc.fillColor(part.placeholder ? S.placeholder : S.text);
    if (i === 0) doc.text(part.text, x, y, options);
    else doc.text(part.text, options);
  });
  doc.fillColor(S.text);
}

function body(doc: Doc): Doc {
  return doc.font(S.font).fontSize(S.bodySize).fillColor(S.text);
}

function drawHeading(doc: Doc, level: 1 | 2 | 3, text: string): void {
  const box = contentBox(doc);
  // Space above a heading, except at the top of a page (room was checked by the caller).
  if (doc.y > box.top + 1) doc.y += S.headingSpaceAbove[level];
  doc
    .font(S.boldFont)
    .fontSize(S.headingSizes[level])
    .fillColor(level === 3 ? S.text : S.accent)
    .text(pdfSafe(text), box.left, doc.y, { width: box.width });
  const below = doc.y + S.headingSpaceBelow[level];
  if (level === 1) {
    doc.lineWidth(1).strokeColor(S.accent);
    doc
      .moveTo(box.left, doc.y + 4)
      .lineTo(box.left + box.width, doc.y + 4)
      .stroke();
  }
  doc.y = below;
}

function drawBullet(doc: Doc, item: string, marker: string): void {
  const box = contentBox(doc);
  const indent = marker.length > 2 ? 22 : 16;
  const safe = pdfSafe(item);
  body(doc);
  const height = doc.heightOfString(safe, { width: box.width - indent, lineGap: S.bodyLineGap });
  if (doc.y + Math.min(height, 3 * S.bodySize) > box.bottom) doc.addPage();
  const top = doc.y;
  doc.text(marker, box.left + (marker === '•' ? 4 : 0), top, { lineBreak: false });
  richText(doc, item, box.left + indent, top, box.width - indent);
  doc.y += 3;
}

/** The running header, the draft footer and "Page n of m", drawn once every page exists. */
function drawPageFrames(doc: Doc, meta: RenderInput['meta']): void {
  const { start, count } = doc.bufferedPageRange();
  const header = pdfSafe(runningHeader(meta));
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const box = contentBox(doc);
    // Writing inside the margins must not make pdfkit start a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(S.font).fontSize(S.frameSize).fillColor(S.muted);
    doc.text(header, box.left, 38, { width: box.width - 60, lineBreak: false, ellipsis: true });
    doc
      .font(S.boldFont)
      .text(pdfSafe(meta.stamp ?? 'DRAFT'), box.left, 38, { width: box.width, align: 'right' });
    const footY = doc.page.height - 42;
    doc.lineWidth(0.5).strokeColor(S.rule);
    doc
      .moveTo(box.left, footY - 6)
      .lineTo(box.left + box.width, footY - 6)
      .stroke();
    doc
      .font(S.font)
      .text(pdfSafe(meta.footer ?? DRAFT_FOOTER), box.left, footY, { lineBreak: false });
    doc.text(`Page ${i - start + 1} of ${count}`, box.left, footY, {
      width: box.width,
      align: 'right',
    });
    doc.page.margins.bottom = saved;
  }
}

import type PDFDocument from 'pdfkit';
import { PDF_STYLE as S, contentBox } from './pdf-style';
import { pdfSafe } from './pdf-text';
import { barsHeight } from './pdf-bars';
import type { ReportBlock } from './types';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Keep-with-next for the PDF: how much room block `i` needs on the current page together with
 * the start of what belongs to it — a heading with the first lines under it, a short paragraph
 * that introduces a table with the table's first rows — so neither is stranded at a page foot.
 */
const LINE = S.bodySize * 1.2 + S.bodyLineGap;
/** A table's header row and first body row, roughly. */
const TABLE_START = 48;
/** A paragraph up to this long is treated as the lead-in to a table that follows it. */
const LEAD_IN = 5 * LINE;

function headingHeight(doc: Doc, level: 1 | 2 | 3, text: string): number {
  doc.font(S.boldFont).fontSize(S.headingSizes[level]);
  return doc.heightOfString(pdfSafe(text), { width: contentBox(doc).width });
}

function paragraphHeight(doc: Doc, text: string): number {
  doc.font(S.font).fontSize(S.bodySize);
  return doc.heightOfString(pdfSafe(text), {
    width: contentBox(doc).width,
    lineGap: S.bodyLineGap,
  });
}

/** Room needed at the current position before drawing block `i`. */
export function roomNeeded(doc: Doc, blocks: readonly ReportBlock[], i: number): number {
  const b = blocks[i];
  if (!b) return 0;
  if (b.kind === 'heading') {
    return (
      S.headingSpaceAbove[b.level] +
      headingHeight(doc, b.level, b.text) +
      // What drawHeading leaves below it (a level-1 heading's rule takes 14 pt: counting 8 left
      // a heading alone at the foot of a page when its section only just did not fit).
      S.headingSpaceBelow[b.level] +
      startOf(doc, blocks, i + 1)
    );
  }
  if (b.kind === 'paragraph') {
    const h = paragraphHeight(doc, b.text);
    return blocks[i + 1]?.kind === 'table' && h <= LEAD_IN
      ? h + S.blockGap + TABLE_START
      : Math.min(h, 2 * LINE);
  }
  return 0;
}

/** The least of block `j` that must share a page with the heading before it. */
function startOf(doc: Doc, blocks: readonly ReportBlock[], j: number): number {
  const b = blocks[j];
  if (!b) return 0;
  switch (b.kind) {
    case 'heading':
      return roomNeeded(doc, blocks, j);
    case 'paragraph': {
      const h = paragraphHeight(doc, b.text);
      const leadsTable = blocks[j + 1]?.kind === 'table' && h <= LEAD_IN;
      return leadsTable ? h + S.blockGap + TABLE_START : Math.min(h, 3 * LINE);
    }
    case 'bullets':
      return 2 * LINE;
    case 'table':
    case 'toc':
      return TABLE_START;
    case 'bars':
      return barsHeight(doc, b);
  }
}

import type PDFDocument from 'pdfkit';
import { PDF_STYLE as S, contentBox } from './pdf-style';
import { pdfSafe } from './pdf-text';
import type { BarsBlock } from './types';

type Doc = InstanceType<typeof PDFDocument>;

const ROW = 15;
const BAR = 8;
const LABEL_WIDTH = 170;
const FIGURE_WIDTH = 74;

/** A row is as tall as its label needs (a long label wraps rather than being cut). */
function rowHeight(doc: Doc, label: string): number {
  doc.font(S.font).fontSize(S.tableSize);
  return Math.max(ROW, doc.heightOfString(pdfSafe(label), { width: LABEL_WIDTH - 8 }) + 4);
}

/** The height a bar chart takes, so the flow can keep it whole on one page. */
export function barsHeight(doc: Doc, block: BarsBlock): number {
  return block.rows.reduce((h, r) => h + rowHeight(doc, r.label), 0) + S.blockGap;
}

/**
 * Horizontal bars drawn as vector shapes (a chart in the PDF, not a picture of one): the label,
 * a grey track for the total, the filled share, and "value of total" at the end. A chart is
 * never split across pages.
 */
export function drawBars(doc: Doc, block: BarsBlock): void {
  const box = contentBox(doc);
  if (doc.y + barsHeight(doc, block) > box.bottom) doc.addPage();
  const trackLeft = box.left + LABEL_WIDTH;
  const trackWidth = box.width - LABEL_WIDTH - FIGURE_WIDTH;
  for (const row of block.rows) {
    const top = doc.y;
    const height = rowHeight(doc, row.label);
    doc.font(S.font).fontSize(S.tableSize).fillColor(S.text);
    doc.text(pdfSafe(row.label), box.left, top + 1, { width: LABEL_WIDTH - 8 });
    const barTop = top + (ROW - BAR) / 2 - 1;
    doc.rect(trackLeft, barTop, trackWidth, BAR).fill(S.headerFill);
    const share = row.total > 0 ? Math.min(1, Math.max(0, row.value / row.total)) : 0;
    if (share > 0) doc.rect(trackLeft, barTop, trackWidth * share, BAR).fill(S.accent);
    doc
      .fillColor(S.muted)
      .text(`${row.value} of ${row.total}`, trackLeft + trackWidth + 8, top + 1, {
        width: FIGURE_WIDTH - 8,
        lineBreak: false,
      });
    doc.y = top + height;
  }
  doc.x = box.left;
  doc.fillColor(S.text);
  doc.y += S.blockGap;
}

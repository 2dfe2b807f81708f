import type PDFDocument from 'pdfkit';
import { PDF_STYLE as S, contentBox } from './pdf-style';
import { pdfSafe } from './pdf-text';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * A table drawn row by row: column widths from the content (no column narrower than its longest
 * word, the rest shared by how much text each column holds), rows kept whole across page breaks,
 * and the header row repeated at the top of each new page. pdfkit's own `doc.table()` neither
 * repeats headers nor keeps rows together, which matters for a document an auditor reads.
 */
export function drawTable(doc: Doc, header: readonly string[], rows: readonly string[][]): void {
  const box = contentBox(doc);
  const head = header.map(pdfSafe);
  const body = rows.map((r) => header.map((_, i) => pdfSafe(r[i] ?? '')));
  const widths = columnWidths(doc, head, body, box.width);

  const headerHeight = rowHeight(doc, head, widths, true);
  // Keep the header with at least the first row.
  const firstHeight = body[0] ? rowHeight(doc, body[0], widths, false) : 0;
  if (doc.y + headerHeight + Math.min(firstHeight, 120) > box.bottom) doc.addPage();
  drawRow(doc, head, widths, true, headerHeight);

  for (const row of body) {
    const height = rowHeight(doc, row, widths, false);
    if (doc.y + height > box.bottom) {
      if (height > box.bottom - box.top - headerHeight) {
        drawOversizedRow(doc, head, row);
        continue;
      }
      doc.addPage();
      drawRow(doc, head, widths, true, headerHeight);
    }
    drawRow(doc, row, widths, false, height);
  }
  doc.x = box.left;
  doc.y += S.blockGap;
}

/** The height `drawTable` takes for a table that fits on one page (gap after it included). */
export function tableHeight(
  doc: Doc,
  header: readonly string[],
  rows: readonly string[][],
): number {
  const box = contentBox(doc);
  const head = header.map(pdfSafe);
  const body = rows.map((r) => header.map((_, i) => pdfSafe(r[i] ?? '')));
  const widths = columnWidths(doc, head, body, box.width);
  return (
    rowHeight(doc, head, widths, true) +
    body.reduce((h, row) => h + rowHeight(doc, row, widths, false), 0) +
    S.blockGap
  );
}

function font(doc: Doc, bold: boolean): Doc {
  return doc.font(bold ? S.boldFont : S.font).fontSize(S.tableSize);
}

const SHORT_CELL = 18;

function columnWidths(doc: Doc, head: string[], body: string[][], total: number): number[] {
  const pad = 2 * S.cellPadding;
  const longestWord = (s: string) =>
    Math.max(0, ...s.split(/\s+/).map((w) => doc.widthOfString(w)));
  font(doc, true);
  const min = head.map((h) => longestWord(h) + pad);
  const want = head.map((h) => doc.widthOfString(h) + pad);
  font(doc, false);
  for (const row of body) {
    row.forEach((cell, i) => {
      // Short cells (dates, references, criteria ids) read badly when broken over lines.
      const unbroken = cell.length <= SHORT_CELL ? doc.widthOfString(cell) : longestWord(cell);
      min[i] = Math.max(min[i]!, Math.min(unbroken + pad, total / 3));
      want[i] = Math.max(want[i]!, doc.widthOfString(cell) + pad);
    });
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumWant = want.reduce((a, b) => a + b, 0);
  if (sumWant <= total) return want.map((w) => (w / sumWant) * total);
  if (sumMin >= total) return min.map((w) => (w / sumMin) * total);
  // Share what is left after the minimums by how much more each column would like.
  const spare = total - sumMin;
  const extra = want.map((w, i) => w - min[i]!);
  const sumExtra = extra.reduce((a, b) => a + b, 0) || 1;
  return min.map((m, i) => m + (extra[i]! / sumExtra) * spare);
}

/**
 * Whether a cell's text surely takes one line: its width with room to spare (pdfkit's wrapper
 * measures the pieces between break opportunities, which kerning across a hyphen can make a
 * fraction of a point wider than the whole). Such a cell is measured and drawn without the line
 * wrapper, which breaks text character by character: most cells are a reference, a date, a
 * status or a count, and were each wrapped twice (for the row's height, then to draw).
 */
function oneLine(doc: Doc, cell: string, inner: number): boolean {
  return doc.widthOfString(cell) <= inner * 0.95 - 2;
}

function rowHeight(doc: Doc, cells: string[], widths: number[], bold: boolean): number {
  font(doc, bold);
  const inner = cells.map((c, i) => {
    const width = widths[i]! - 2 * S.cellPadding;
    const text = c || ' ';
    // What heightOfString gives for one line, computed the way it does (from doc.y).
    if (oneLine(doc, text, width))
      return doc.y + (doc.currentLineHeight(true) + S.tableLineGap) - doc.y;
    return doc.heightOfString(text, { width, lineGap: S.tableLineGap });
  });
  return Math.max(...inner) + 2 * S.cellPadding;
}

function drawRow(doc: Doc, cells: string[], widths: number[], bold: boolean, height: number): void {
  const { left } = contentBox(doc);
  const top = doc.y;
  const width = widths.reduce((a, b) => a + b, 0);
  if (bold) doc.rect(left, top, width, height).fill(S.headerFill);
  doc.lineWidth(0.5).strokeColor(S.rule);
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .stroke();
  if (bold)
    doc
      .moveTo(left, top)
      .lineTo(left + width, top)
      .stroke();
  font(doc, bold).fillColor(S.text);
  let x = left;
  cells.forEach((cell, i) => {
    const width = widths[i]! - 2 * S.cellPadding;
    if (cell !== '' && oneLine(doc, cell, width))
      doc.text(cell, x + S.cellPadding, top + S.cellPadding, { lineBreak: false });
    else doc.text(cell, x + S.cellPadding, top + S.cellPadding, { width, lineGap: S.tableLineGap });
    x += widths[i]!;
  });
  doc.x = left;
  doc.y = top + height;
}

/** A row taller than a page cannot be kept whole: it is printed as labelled paragraphs. */
function drawOversizedRow(doc: Doc, head: string[], row: string[]): void {
  const { left, width } = contentBox(doc);
  row.forEach((cell, i) => {
    doc.font(S.boldFont).fontSize(S.tableSize).fillColor(S.text);
    doc.text(`${head[i]}: `, left, doc.y, { width, continued: true, lineGap: S.tableLineGap });
    doc.font(S.font).text(cell || ' ', { lineGap: S.tableLineGap });
  });
  doc.lineWidth(0.5).strokeColor(S.rule);
  doc
    .moveTo(left, doc.y + 2)
    .lineTo(left + width, doc.y + 2)
    .stroke();
  doc.y += 4;
}

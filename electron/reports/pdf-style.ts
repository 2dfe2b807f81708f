import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * One place for the PDF's look: A4, DejaVu Sans (embedded, see fonts.ts), quiet greys, one accent.
 * `font` and `boldFont` are the names the fonts are registered under in each document.
 */
export const PDF_STYLE = {
  margins: { top: 70, bottom: 66, left: 62, right: 62 },
  font: 'DejaVuSans',
  boldFont: 'DejaVuSans-Bold',
  text: '#1f2328',
  muted: '#6b7280',
  accent: '#1d3b5c',
  placeholder: '#b45309',
  rule: '#c3c8cf',
  headerFill: '#e9edf2',
  // DejaVu Sans runs wider and taller than Helvetica: these sizes keep the same density.
  bodySize: 9.5,
  bodyLineGap: 2.5,
  headingSizes: { 1: 18, 2: 13, 3: 10.5 } as Record<1 | 2 | 3, number>,
  headingSpaceAbove: { 1: 0, 2: 16, 3: 10 } as Record<1 | 2 | 3, number>,
  /** Below a heading's text: a level-1 heading's rule with its space, or a small gap. */
  headingSpaceBelow: { 1: 14, 2: 5, 3: 3 } as Record<1 | 2 | 3, number>,
  tableSize: 8,
  tableLineGap: 1.5,
  cellPadding: 4,
  blockGap: 7,
  frameSize: 7,
} as const;

/** The printable area of the current page. */
export function contentBox(doc: Doc) {
  const { margins, width, height } = doc.page;
  return {
    left: margins.left,
    top: margins.top,
    width: width - margins.left - margins.right,
    bottom: height - margins.bottom,
  };
}

import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** One place for the PDF's look: A4, the standard Helvetica family, quiet greys, one accent. */
export const PDF_STYLE = {
  margins: { top: 70, bottom: 66, left: 62, right: 62 },
  font: 'Helvetica',
  boldFont: 'Helvetica-Bold',
  text: '#1f2328',
  muted: '#6b7280',
  accent: '#1d3b5c',
  placeholder: '#b45309',
  rule: '#c3c8cf',
  headerFill: '#e9edf2',
  bodySize: 10,
  bodyLineGap: 2.5,
  headingSizes: { 1: 19, 2: 13.5, 3: 11 } as Record<1 | 2 | 3, number>,
  headingSpaceAbove: { 1: 0, 2: 16, 3: 10 } as Record<1 | 2 | 3, number>,
  tableSize: 8.5,
  tableLineGap: 1.5,
  cellPadding: 4,
  blockGap: 7,
  frameSize: 7.5,
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

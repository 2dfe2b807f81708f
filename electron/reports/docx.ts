import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { splitPlaceholders } from '../../shared/domain/system-description-wording';
import { DRAFT_FOOTER, type RenderInput, type ReportBlock, runningHeader } from './types';

/**
 * Renders a draft to DOCX with real Word structure — Heading 1–3 styles (so the navigation pane
 * and a table of contents work), bulleted paragraphs and tables with a repeating header row — so
 * management can keep editing it in Word or LibreOffice.
 */
export async function renderDocx(input: RenderInput): Promise<Buffer> {
  const doc = new Document({
    creator: 'Attest',
    title: xmlSafe(`${input.meta.title} (draft)`),
    description: xmlSafe(runningHeader(input.meta)),
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 21, color: '1F2328' },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        heading1: {
          run: { font: 'Calibri', size: 36, bold: true, color: '1D3B5C' },
          paragraph: { spacing: { after: 200 }, outlineLevel: 0 },
        },
        heading2: {
          run: { font: 'Calibri', size: 27, bold: true, color: '1D3B5C' },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, outlineLevel: 1 },
        },
        heading3: {
          run: { font: 'Calibri', size: 22, bold: true, color: '1F2328' },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 2 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twentieths of a point
            margin: { top: 1300, bottom: 1200, left: 1240, right: 1240 },
          },
        },
        headers: { default: frameHeader(input.meta) },
        footers: { default: frameFooter(input.meta) },
        children: input.blocks.flatMap(toDocx),
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  if (!input.meta.stampedAt) return bytes;
  const { restampZip } = await import('../core/files/zip-stamp');
  return restampZip(bytes, input.meta.stampedAt);
}

const HEADING_LEVEL = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function toDocx(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADING_LEVEL[block.level],
          children: [new TextRun(xmlSafe(block.text))],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text) })];
    case 'bullets':
      return block.items.map((item, n) =>
        block.ordered
          ? // Numbers written out rather than a numbering definition: the same number as the PDF.
            new Paragraph({
              indent: { left: 360, hanging: 360 },
              spacing: { after: 60 },
              children: [new TextRun(`${(block.start ?? 1) + n}.\t`), ...runs(item)],
            })
          : new Paragraph({
              bullet: { level: 0 },
              spacing: { after: 60 },
              children: runs(item),
            }),
      );
    case 'table':
      // An empty paragraph after a table keeps the next table or heading from touching it.
      return [table(block.header, block.rows), new Paragraph({ children: [] })];
    case 'bars':
      // Word has no drawing of ours: the same figures as a table.
      return [
        table(
          ['', 'Share'],
          block.rows.map((r) => [r.label, `${r.value} of ${r.total}`]),
        ),
        new Paragraph({ children: [] }),
      ];
    case 'toc':
      // Word builds its own contents from the headings; page numbers are the PDF's.
      return [];
  }
}

/** Text runs, with any `[To be completed: …]` gap highlighted so it cannot be missed in Word. */
function runs(text: string): TextRun[] {
  return splitPlaceholders(xmlSafe(text)).map((part) =>
    part.placeholder
      ? new TextRun({ text: part.text, highlight: 'yellow' })
      : new TextRun(part.text),
  );
}

/** Usable width between the margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1240;

function table(header: readonly string[], rows: readonly string[][]): Table {
  const widths = columnWidths(header, rows);
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'C3C8CF' };
  const cell = (text: string, i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 90, right: 90 },
      shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E9EDF2' } : undefined,
      children: [
        new Paragraph({
          spacing: { after: 0, line: 252 },
          children: [new TextRun({ text: xmlSafe(text), bold: isHeader, size: 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: header.map((_, i) => cell(r[i] ?? '', i, false)),
          }),
      ),
    ],
  });
}

/** Widths by how much text each column holds, none below a readable minimum. */
function columnWidths(header: readonly string[], rows: readonly string[][]): number[] {
  const weight = header.map((h, i) => {
    const longest = Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length));
    return Math.min(Math.max(longest, 8), 70);
  });
  const total = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => Math.round((w / total) * TEXT_WIDTH));
}

function frameHeader(meta: RenderInput['meta']): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: xmlSafe(runningHeader(meta)), size: 15, color: '6B7280' }),
          new TextRun({
            text: `\t${meta.stamp ?? 'DRAFT'}`,
            size: 15,
            bold: true,
            color: '6B7280',
          }),
        ],
      }),
    ],
  });
}

function frameFooter(meta: RenderInput['meta']): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        alignment: AlignmentType.LEFT,
        children: [
          new TextRun({ text: meta.footer ?? DRAFT_FOOTER, size: 15, color: '6B7280' }),
          new TextRun({
            size: 15,
            color: '6B7280',
            children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped. */
function xmlSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    // The XML 1.0 `Char` production; a lone surrogate arrives here as one code unit.
    const c = ch.codePointAt(0)!;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (allowed) out += ch;
  }
  return out;
}

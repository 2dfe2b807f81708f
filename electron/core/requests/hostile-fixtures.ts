/**
 * Hostile request lists, as a security probe found them, written on demand (tests and
 * build/bench/hostile.ts): a CSV of nothing but new lines, a CSV whose quote never closes, and an
 * XLSX that is a small zip whose shared strings unpack to hundreds of megabytes. Plus the parts
 * to build other bad workbooks from, and a legitimate 5,000-row list to compare against.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import yazl from 'yazl';

const MiB = 1024 * 1024;

/** 20 MB of line ends: 20 million empty records. */
export function writeNewlinesCsv(path: string, size = 20 * MiB): string {
  writeFileSync(path, Buffer.alloc(size, '\n'));
  return path;
}

/** A header, then a quote opened on line 2 and never closed, running to 24 MB. */
export function writeUnterminatedQuoteCsv(path: string, size = 24 * MiB): string {
  const head = Buffer.from('PBC #,Item Requested\r\nPBC-1,"Access review ');
  writeFileSync(path, Buffer.concat([head, Buffer.alloc(size - head.length, 'x')]));
  return path;
}

/** Text that streams `total` characters of `unit` repeated, between `head` and `tail`. */
function repeated(head: string, unit: string, total: number, tail: string): Readable {
  const block = unit.repeat(Math.max(1, Math.floor(MiB / unit.length)));
  let left = total;
  return Readable.from(
    (function* () {
      yield Buffer.from(head);
      while (left > 0) {
        const piece = left >= block.length ? block : block.slice(0, left);
        left -= piece.length;
        yield Buffer.from(piece);
      }
      yield Buffer.from(tail);
    })(),
  );
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '</Types>';

/** The parts of a one-sheet workbook, any of which a hostile variant replaces. */
export function workbookParts(): Record<string, string | Readable> {
  return {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}">` +
      `<sheets><sheet name="PBC" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>',
    ),
    'xl/sharedStrings.xml':
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="4" uniqueCount="4">` +
      '<si><t>PBC #</t></si><si><t>Item Requested</t></si><si><t>PBC-1</t></si>' +
      '<si><t>Access review</t></si></sst>',
  };
}

/** A worksheet part around `rows`, with anything that goes after the sheet data. */
export const sheetXml = (rows: string, after = '', before = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${before}` +
  `<sheetData>${rows}</sheetData>${after}</worksheet>`;

/** Zips the parts (deflated, as spreadsheet apps save them). */
export async function writeZip(path: string, parts: Record<string, string | Readable>) {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(parts)) {
    if (typeof content === 'string') zip.addBuffer(Buffer.from(content), name);
    else zip.addReadStream(content, name);
  }
  zip.end();
  await finished(zip.outputStream.pipe(createWriteStream(path)));
  return path;
}

/** An XLSX of a few hundred KB whose one shared string is `chars` characters long. */
export function writeSharedStringBomb(path: string, chars = 300_000_000): Promise<string> {
  return writeZip(path, {
    ...workbookParts(),
    'xl/sharedStrings.xml': repeated(
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="4" uniqueCount="4">` +
        '<si><t>PBC #</t></si><si><t>Item Requested</t></si><si><t>PBC-1</t></si><si><t>',
      'A',
      chars,
      '</t></si></sst>',
    ),
  });
}

/** `size` bytes of zeros, streamed: a binary part (an image, say) that packs to almost nothing. */
export const zeros = (size: number): Readable => repeated('', '\0', size, '');

/** An XLSX whose shared strings are `count` short texts: one part unpacking to a lot. */
export function writeManyStringsXlsx(path: string, count: number): Promise<string> {
  const unit = '<si><t>x</t></si>';
  return writeZip(path, {
    ...workbookParts(),
    'xl/sharedStrings.xml': repeated(`<sst ${NS}>`, unit, count * unit.length, '</sst>'),
  });
}

/** A worksheet part of `count` cells, streamed (one per row). */
export function manyCellsSheet(count: number): Readable {
  const unit = '<row><c><v>1</v></c></row>';
  return repeated(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`,
    unit,
    count * unit.length,
    '</sheetData></worksheet>',
  );
}

/**
 * A legitimate request list of `rows` rows in the columns auditors use, as CSV text or an XLSX
 * file (through exceljs, like a spreadsheet app would save it).
 */
export const LEGIT_HEADERS = [
  'PBC #',
  'TSC Ref.',
  'Control',
  'Item Requested',
  'Evidence Type',
  'Period',
  'Owner',
  'Due',
  'Wave',
  'Auditor Status',
  'Notes',
];

export function legitRow(i: number): string[] {
  return [
    `PBC-${String(i + 1).padStart(4, '0')}`,
    `CC${(i % 9) + 1}.${(i % 3) + 1}`,
    '',
    `Evidence for request ${i + 1}: the access review for the quarter, with sign-off and the ` +
      `list of accounts reviewed`,
    ['Document', 'Population', 'Sample'][i % 3]!,
    '01/01/2026 - 30/06/2026',
    '',
    '31/03/2026',
    String((i % 4) + 1),
    'Open',
    i % 5 === 0 ? 'Please include contractors' : '',
  ];
}

export function legitCsv(rows: number): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [LEGIT_HEADERS, ...Array.from({ length: rows }, (_, i) => legitRow(i))];
  return lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n';
}

export async function writeLegitXlsx(path: string, rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PBC list');
  ws.addRow(LEGIT_HEADERS);
  for (let i = 0; i < rows; i++) ws.addRow(legitRow(i));
  await wb.xlsx.writeFile(path);
  return path;
}

/**
 * Rewrites a zip's central directory so every entry claims to unpack to `claimed` bytes: a bomb
 * that lies about its size, which only counting while inflating catches.
 */
export function understateSizes(path: string, claimed = 1_000): string {
  const zip = readFileSync(path);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('not a central directory entry');
    zip.writeUInt32LE(claimed, at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  writeFileSync(path, zip);
  return path;
}

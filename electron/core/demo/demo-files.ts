import { deflateSync } from 'node:zlib';

/**
 * The demo's evidence files, made on the fly and small (a few KiB): a CSV export, a PNG
 * "screenshot" and a one-page PDF. Written by hand rather than by a library so the bytes depend
 * only on their arguments (same demo, same files, same hashes) and the build stays fast. Each says
 * it is demo content where it can carry words.
 */

/**
 * A CSV as an export writes it (a header row, quoted where needed, CRLF line ends), with the grid
 * it was written from: what reading the file back gives (the demo's test holds the two together).
 */
export function demoCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { bytes: Buffer; grid: string[][] } {
  const grid = [header, ...rows].map((r) => [...r]);
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = grid.map((r) => r.map(cell).join(','));
  return { bytes: Buffer.from(`${lines.join('\r\n')}\r\n`), grid };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = readonly [number, number, number];

/**
 * A PNG that looks like a screenshot of an admin console: a title bar in `accent`, a side bar, and
 * `rows` table rows, the ones listed in `flagged` marked in amber. 480 × 300, RGB, a few KiB.
 */
export function demoPng(accent: Rgb, rows: number, flagged: readonly number[] = []): Buffer {
  const width = 480;
  const height = 300;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const colour = (x: number, y: number): Rgb => {
    if (y < 36) return accent;
    if (x < 96) return [236, 239, 243];
    const row = Math.floor((y - 56) / 24);
    if (y >= 56 && row < rows && (y - 56) % 24 < 18 && x >= 112 && x < width - 16) {
      if (flagged.includes(row)) return [255, 224, 153];
      return x < 112 + 140 ? [200, 206, 214] : [226, 230, 235];
    }
    return [255, 255, 255];
  };
  for (let y = 0; y < height; y++) {
    const line = y * (width * 3 + 1);
    raw[line] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(x, y);
      raw[line + 1 + x * 3] = r;
      raw[line + 2 + x * 3] = g;
      raw[line + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** PDF text in Helvetica's WinAnsi: other characters become plain ones, the three specials escaped. */
function pdfText(text: string): string {
  return text
    .replace(/[–—]/g, '-')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/([\\()])/g, '\\$1');
}

/**
 * A one-page A4 PDF: a title and lines of text in Helvetica (a standard font, so nothing is
 * embedded), with a correct cross-reference table, readable by any PDF reader and by `qpdf`.
 */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const text = [
    'BT /F1 16 Tf 56 780 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 10 Tf 0 -28 Td 14 TL',
    ...lines.map((l) => `(${pdfText(l)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title (${pdfText(title)}) /Producer (attest demo) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

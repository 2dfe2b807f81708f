/**
 * Which Unicode code points a TrueType/OpenType font has a glyph for, read from its `cmap` table
 * (format 12 for the full range, else format 4 for the Basic Multilingual Plane). Enough to know,
 * before pdfkit lays text out, which characters would otherwise print as an empty box.
 */
export function cmapCoverage(font: Buffer): Set<number> {
  const cmap = tableOffset(font, 'cmap');
  const count = font.readUInt16BE(cmap + 2);
  const subtables = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const offset = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(offset);
    if (isUnicode(font.readUInt16BE(record), font.readUInt16BE(record + 2))) {
      if (!subtables.has(format)) subtables.set(format, offset);
    }
  }
  const full = subtables.get(12);
  if (full !== undefined) return format12(font, full);
  const bmp = subtables.get(4);
  if (bmp !== undefined) return format4(font, bmp);
  throw new Error('The font has no Unicode character map (cmap format 4 or 12).');
}

function isUnicode(platform: number, encoding: number): boolean {
  return platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
}

function tableOffset(font: Buffer, tag: string): number {
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`The font has no '${tag}' table.`);
}

function format12(font: Buffer, at: number): Set<number> {
  const out = new Set<number>();
  const groups = font.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    const start = font.readUInt32BE(group);
    const end = font.readUInt32BE(group + 4);
    const glyph = font.readUInt32BE(group + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
  return out;
}

function format4(font: Buffer, at: number): Set<number> {
  const out = new Set<number>();
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + 2 * s);
    const start = font.readUInt16BE(starts + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeAt = rangeOffsets + 2 * s;
    const range = font.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = font.readUInt16BE(rangeAt + range + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}

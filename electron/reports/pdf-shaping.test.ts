import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { REPORT_FOOTER, REPORT_TITLE } from '../../shared/domain/readiness/report';
import { buildDescriptionDraft } from '../../shared/domain/system-description-draft';
import { sampleDraftInput } from '../../shared/domain/system-description-sample';
import { pdfFonts } from './fonts';
import { renderPdf } from './pdf';
import { type FontkitFont, quickLayout, useLightPostTable } from './pdf-shaping';
import type { RenderInput } from './types';

/** The fontkit font pdfkit opens for a document, as the renderer gets it. */
function opened(file: string): FontkitFont {
  const doc = new PDFDocument({ font: file });
  return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
}

/** What pdfkit reads of a laid-out word. */
function seen(run: unknown) {
  const r = run as {
    glyphs: { id: number; codePoints: number[] }[];
    positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
    advanceWidth: number;
  };
  return {
    glyphs: r.glyphs.map((g) => [g.id, ...g.codePoints]),
    positions: r.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    width: r.advanceWidth,
  };
}

// Kerned pairs (AV, Ty, “A, L’), ligatures (fi, fl, ffi), digits and punctuation alone (DFLT),
// accented Latin, and every character next to the ones kerned most.
const WORDS = [
  'AVATAR ',
  'Type',
  'Tý ',
  '“Asked”',
  'L’Oréal',
  'office ',
  'fluff',
  'findings,',
  'CC6.1',
  '2026-05-15',
  '12 %',
  '(—)',
  '…',
  '½ × ÷',
  'Łódź ',
  'naïve',
  'Œuvre',
  'ſſ',
  '‰',
];
const KERNED = 'ATVYfr.“’';

describe('the quick word layout', () => {
  it.each(Object.entries({ regular: pdfFonts().regular, bold: pdfFonts().bold }))(
    'gives the %s face the same glyphs and positions as fontkit',
    (_face, file) => {
      const font = opened(file);
      const quick = quickLayout(font)!;
      expect(quick).not.toBeNull();
      const words = [...WORDS];
      for (let c = 0x20; c <= 0x17f; c++) {
        const ch = String.fromCharCode(c);
        if (c === 0x7f || (c > 0x7e && c < 0xa0) || c === 0xad) continue;
        words.push(ch, `${ch}${ch}`);
        for (const k of KERNED) words.push(`${k}${ch}`, `${ch}${k}`);
      }
      const differ = words.filter(
        (w) => JSON.stringify(seen(quick(w))) !== JSON.stringify(seen(font.layout(w))),
      );
      expect(words.length).toBeGreaterThan(5000);
      expect(differ).toEqual([]);
    },
  );

  it('leaves to fontkit what it does not know: other scripts, marks, invisible characters', () => {
    const quick = quickLayout(opened(pdfFonts().regular))!;
    for (const w of [
      'Привет',
      'Ελλάδα',
      'e\u0301',
      'long\u200bword',
      'soft\u00adhyphen',
      '1⁄2',
      '✓',
    ])
      expect(quick(w), w).toBeNull();
  });

  it('reads the post header fontkit would decode, without the glyph names', () => {
    for (const file of [pdfFonts().regular, pdfFonts().bold]) {
      const light = opened(file);
      useLightPostTable(light);
      const full = opened(file) as unknown as { post: Record<string, unknown> };
      const header = Object.fromEntries(
        Object.entries(full.post).filter(
          ([k]) => !['numberOfGlyphs', 'glyphNameIndex', 'names'].includes(k),
        ),
      );
      expect((light as unknown as { post: unknown }).post).toEqual(header);
      expect(Object.keys(header)).toContain('isFixedPitch');
    }
  });

  it('changes no byte of a rendered document', async () => {
    const meta: RenderInput['meta'] = {
      title: REPORT_TITLE,
      client: 'Northwind Analytics Ltd (sample)',
      timing: '1 January 2026 to 30 June 2026',
      generatedOn: '2026-07-06',
      footer: REPORT_FOOTER,
      stamp: 'INTERNAL',
      stampedAt: new Date('2026-07-06T10:00:00.000Z'),
    };
    const input = { blocks: buildDescriptionDraft(sampleDraftInput()), meta };
    const quick = await renderPdf(input);
    const full = await renderPdf(input, { fullShaping: true });
    expect(quick.length).toBeGreaterThan(10_000);
    expect(quick.equals(full)).toBe(true);
  });
});

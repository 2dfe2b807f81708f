import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAssertionDraft } from '../../shared/domain/system-description-assertion';
import type { DocBlock } from '../../shared/domain/system-description-doc';
import { buildDescriptionDraft } from '../../shared/domain/system-description-draft';
import { sampleDraftInput } from '../../shared/domain/system-description-sample';
import { tempDir } from '../testing/tmp';
import { renderDocx } from './docx';
import { readDocxWithPython } from '../testing/read-back';
import { renderPdf } from './pdf';
import { fitToFont, pdfSafe } from './pdf-text';
import type { RenderInput } from './types';

const meta: RenderInput['meta'] = {
  title: 'System description',
  client: 'Northwind Analytics Ltd (sample)',
  timing: '1 January 2026 to 30 June 2026',
  generatedOn: '2026-07-06',
};
const description = () => buildDescriptionDraft(sampleDraftInput());

function save(bytes: Buffer, name: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** Text as an independent reader (poppler's pdftotext) sees it, whitespace collapsed. */
function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

function qpdfCheck(path: string): void {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toContain('No syntax or stream encoding errors');
  expect(r.status).toBe(0);
}

function docxPart(path: string, part: string): string {
  return execFileSync('unzip', ['-p', path, part], { encoding: 'utf8' });
}

describe('DOCX', () => {
  it('has real headings, bullets and tables that Word and LibreOffice recognise', async () => {
    const path = save(await renderDocx({ blocks: description(), meta }), 'description.docx');
    const xml = docxPart(path, 'word/document.xml');
    const styled = (style: string, text: string) =>
      new RegExp(`<w:pStyle w:val="${style}"/>.{0,200}?<w:t[^>]*>${text}</w:t>`).test(xml);
    expect(
      styled('Heading1', 'Description of the Northwind Analytics Ltd \\(sample\\) system'),
    ).toBe(true);
    expect(styled('Heading2', 'Subservice organisations')).toBe(true);
    expect(styled('Heading3', 'Amazon Web Services')).toBe(true);
    // Bullets are numbered paragraphs; tables have a header row that repeats on every page.
    expect(xml).toMatch(
      /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>.{0,300}?Okta/,
    );
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(6);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('14 March 2026');
    expect(xml).toContain('presents Amazon Web Services using the carve-out method');
    const footer = docxPart(path, 'word/footer1.xml');
    expect(footer).toContain('Draft — prepared with Attest');
    expect(footer).toMatch(/PAGE.*NUMPAGES/s);
    expect(docxPart(path, 'word/header1.xml')).toContain('1 January 2026 to 30 June 2026');
    expect(docxPart(path, 'docProps/core.xml')).toContain('System description (draft)');
  });

  it('is read back by an independent parser: headings, body text and table cells', async () => {
    const path = save(await renderDocx({ blocks: description(), meta }), 'parsed.docx');
    const doc = readDocxWithPython(path);
    expect(doc.paragraphs[0]).toEqual({
      style: 'Heading1',
      text: 'Description of the Northwind Analytics Ltd (sample) system',
    });
    expect(doc.paragraphs).toContainEqual({ style: 'Heading2', text: 'Subservice organisations' });
    expect(doc.paragraphs.some((p) => p.text.includes('using the carve-out method'))).toBe(true);
    expect(doc.tables.length).toBeGreaterThanOrEqual(6);
    const criteriaTable = doc.tables.find((t) => t.some((row) => row[0] === 'CC6.1'));
    expect(criteriaTable, 'the criteria table lists CC6.1 in its first column').toBeDefined();
  });

  it('escapes markup in user text and drops characters XML cannot carry', async () => {
    const blocks: DocBlock[] = [
      { kind: 'paragraph', text: 'Smith & Sons <EU> "quoted"\u0007 bell' },
      { kind: 'table', header: ['A & B'], rows: [['</w:t>']] },
    ];
    const path = save(await renderDocx({ blocks, meta }), 'escaped.docx');
    const xml = docxPart(path, 'word/document.xml');
    expect(xml).toContain('Smith &amp; Sons &lt;EU&gt;');
    expect(xml).toContain('&lt;/w:t&gt;');
    expect(xml).not.toContain('\u0007');
  });
});

describe('placeholders', () => {
  it('are highlighted in DOCX and kept word for word in both formats', async () => {
    const blocks: DocBlock[] = [
      { kind: 'paragraph', text: 'Before [To be completed: name the services] after.' },
    ];
    const xml = docxPart(save(await renderDocx({ blocks, meta }), 'gap.docx'), 'word/document.xml');
    expect(xml).toMatch(
      /<w:highlight w:val="yellow"\/>.{0,80}<w:t xml:space="preserve">\[To be completed: name the services\]<\/w:t>/,
    );
    const pdf = save(await renderPdf({ blocks, meta }), 'gap.pdf');
    expect(pdfText(pdf)).toContain('Before [To be completed: name the services] after.');
  });
});

describe('PDF', () => {
  it('is a valid A4 PDF whose text names the client, the period and the carved-out vendor', async () => {
    const path = save(await renderPdf({ blocks: description(), meta }), 'description.pdf');
    qpdfCheck(path);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(
      /595\.\d* x 841\.\d* pts \(A4\)/,
    );
    const text = pdfText(path);
    expect(text).toContain('Description of the Northwind Analytics Ltd (sample) system');
    expect(text).toContain('throughout the period from 1 January 2026 to 30 June 2026');
    expect(text).toContain('Amazon Web Services');
    expect(text).toContain('Dashboard outage');
    const pages = pdfPages(path);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) {
      const page = pdfText(path, p);
      expect(page).toContain('Draft — prepared with Attest');
      expect(page).toContain(`Page ${p} of ${pages}`);
    }
  });

  it('repeats a long table’s header on every page it runs to', async () => {
    const rows = Array.from({ length: 160 }, (_, i) => [
      `C-${String(i).padStart(3, '0')}`,
      'A control title long enough to matter',
      'CC6.1',
    ]);
    const blocks: DocBlock[] = [{ kind: 'table', header: ['Ref', 'Control', 'Criteria'], rows }];
    const path = save(await renderPdf({ blocks, meta }), 'long-table.pdf');
    qpdfCheck(path);
    const pages = pdfPages(path);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= pages; p++)
      expect(pdfText(path, p)).toMatch(/Ref Control Criteria C-\d{3}/);
    // Every row is there once, in order.
    expect(pdfText(path).match(/C-\d{3}/g)).toEqual(rows.map((r) => r[0]));
  });

  it('prints a table row taller than a page instead of losing it', async () => {
    const long = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');
    const blocks: DocBlock[] = [
      { kind: 'table', header: ['Date', 'Incident'], rows: [['1 May 2026', long]] },
    ];
    const path = save(await renderPdf({ blocks, meta }), 'tall-row.pdf');
    qpdfCheck(path);
    const text = pdfText(path);
    expect(text).toContain('word0 ');
    expect(text).toContain('word699');
  });

  it('prints names and symbols outside Windows-1252 as they are, in the embedded fonts', async () => {
    const line = 'Zoë Łukasiewicz – Ødegaard ≥ 99.9 % “quoted” Проверка ✓ → Kraków α≠β';
    const blocks: DocBlock[] = [
      { kind: 'heading', level: 1, text: 'Проверка Müller' },
      { kind: 'paragraph', text: line },
      { kind: 'bullets', items: ['Ødegaard ≤ 5 ✔'] },
      { kind: 'table', header: ['Owner', 'Rôle ✓'], rows: [['Zoë Łukasiewicz', 'Ведущий']] },
    ];
    const client = 'Łódź Ünïcode Sp. z o.o.';
    const path = save(await renderPdf({ blocks, meta: { ...meta, client } }), 'unicode.pdf');
    qpdfCheck(path);
    const text = pdfText(path);
    expect(text).toContain(`${client} · System description`);
    expect(text).toContain('Проверка Müller');
    expect(text).toContain(line);
    expect(text).toContain('Ødegaard ≤ 5 ✔');
    expect(text).toContain('Owner Rôle ✓ Zoë Łukasiewicz Ведущий');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(
      new RegExp(`Author:\\s+${client}\n`),
    );
    // Only the two DejaVu faces, embedded as subsets with a Unicode map; no standard font.
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(fonts.map((f) => f.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    for (const f of fonts) expect(f).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('marks characters the fonts lack instead of failing or dropping them silently', async () => {
    const blocks: DocBlock[] = [
      { kind: 'heading', level: 2, text: 'Office 東京' },
      { kind: 'paragraph', text: 'Tokyo (東京) and Seoul (서울) offices\u200d, Ｆｕｌｌ width' },
      { kind: 'table', header: ['City'], rows: [['株式会社']] },
    ];
    const path = save(await renderPdf({ blocks, meta }), 'missing-glyphs.pdf');
    qpdfCheck(path);
    const text = pdfText(path);
    expect(text).toContain('Office ��');
    expect(text).toContain('Tokyo (��) and Seoul (��) offices, Full width');
    expect(text).toContain('City ����');
  });

  it('prints a 100,000-character word pasted into a draft in full, across pages', async () => {
    // Found by the API fuzz test: pdfkit measured the rest of an over-long word again for every
    // line it filled, so this export blocked the process for minutes and took gigabytes.
    const word = 'x'.repeat(100_000);
    const blocks: DocBlock[] = [
      { kind: 'heading', level: 2, text: 'Pasted' },
      { kind: 'paragraph', text: `Before ${word} after.` },
      { kind: 'table', header: ['Key'], rows: [[word.slice(0, 5_000)]] },
    ];
    const path = save(await renderPdf({ blocks, meta }), 'long-word.pdf');
    qpdfCheck(path);
    // Every character printed once (the running header and footer have no "x"), in place.
    const text = pdfText(path).replace(/[\s\u200b]/g, '');
    expect(text.match(/x/g)).toHaveLength(105_000);
    expect(text).toMatch(/Beforex{100,}/);
    expect(text).toMatch(/x{100,}after\./);
    expect(text).toMatch(/Keyx{100,}/);
  });

  it('renders the assertion on its own pages with the signature block', async () => {
    const blocks = buildAssertionDraft(sampleDraftInput());
    const path = save(
      await renderPdf({ blocks, meta: { ...meta, title: 'Management’s assertion' } }),
      'assertion.pdf',
    );
    qpdfCheck(path);
    const text = pdfText(path);
    expect(text).toContain('Assertion of the management of Northwind Analytics Ltd (sample)');
    expect(text).toContain(
      'operated effectively throughout the period from 1 January 2026 to 30 June 2026',
    );
    expect(text).toContain('Signature:');
  });
});

describe('pdfSafe', () => {
  it('keeps what the fonts cover and replaces or drops the rest', () => {
    const kept = 'Café “quoted” — €5 • Zoë Łukasiewicz Ødegaard Проверка ≥ ≠ ✓ → αβγ';
    expect(pdfSafe(kept)).toBe(kept);
    // Decomposed accents are composed; full-width forms become their ordinary letters.
    expect(pdfSafe('Zoe\u0308 Ｆｕｌｌ')).toBe('Zoë Full');
    // No glyph: visibly replaced, or dropped when invisible anyway (a tag character).
    expect(pdfSafe('東京 😀 👍 a\u{e0020}b')).toBe('�� 😀 � ab');
    expect(pdfSafe('tab\there\r\nnext\u0007line')).toBe('tab here nextline');
  });

  it('gives a run of text with nowhere to break a zero-width place to wrap every 200 characters', () => {
    const run = 'x'.repeat(1_000);
    const safe = pdfSafe(`A key: ${run} ends.`);
    expect(safe.replaceAll('\u200b', '')).toBe(`A key: ${run} ends.`);
    expect(safe.split(/[ \u200b]/).map((w) => w.length)).toEqual([
      1, 4, 200, 200, 200, 200, 200, 5,
    ]);
    // Emoji are not cut in half; ordinary long words and links are left as they are.
    expect(pdfSafe('😀'.repeat(201))).toBe(`${'😀'.repeat(200)}\u200b😀`);
    const link = `https://example.test/${'a'.repeat(170)}`;
    expect(pdfSafe(link)).toBe(link);
  });

  it('falls back to "?" with a font that has no replacement character', () => {
    const ascii = new Set(Array.from({ length: 95 }, (_, i) => 0x20 + i));
    expect(fitToFont('Zoë 東', ascii)).toBe('Zoe ?');
  });
});

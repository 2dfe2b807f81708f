import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runningWorkers } from '../../platform/workers';
import { tempDir } from '../../testing/tmp';
import { closeVault } from '../vault/session';
import {
  legitCsv,
  manyCellsSheet,
  sheetXml,
  understateSizes,
  workbookParts,
  writeLegitXlsx,
  writeManyStringsXlsx,
  writeNewlinesCsv,
  writeSharedStringBomb,
  writeUnterminatedQuoteCsv,
  writeZip,
  zeros,
} from './hostile-fixtures';
import { importRequests, previewImport } from './import';
import { readSpreadsheet } from './read-file';
import { rejection, requestCount, scopedVault } from './test-fixtures';

afterEach(() => {
  // Every read ends with its worker thread gone, refused or not.
  expect(runningWorkers()).toBe(0);
});

/** The refusal a read ends in (the test fails if it does not end in one). */
async function refusal(path: string, fileName: string, limits = {}) {
  return rejection(readSpreadsheet(path, fileName, { limits }));
}

describe('the hostile request lists a security probe sent', () => {
  it.each([
    [
      '20 MB of new lines',
      'newlines.csv',
      (path: string) => Promise.resolve(writeNewlinesCsv(path)),
      'newlines.csv has more than 5,000 rows (line 5,002 is past that)',
    ],
    [
      'a 24 MB quote that never closes',
      'quote.csv',
      (path: string) => Promise.resolve(writeUnterminatedQuoteCsv(path)),
      'quote.csv has a quoted cell that opens on line 2 and runs past 32,767 characters, the most a spreadsheet cell holds; its closing quote is probably missing',
    ],
    [
      'an XLSX whose one shared string is 300 million characters',
      'bomb.xlsx',
      (path: string) => writeSharedStringBomb(path),
      'bomb.xlsx is refused: its part xl/sharedStrings.xml unpacks to more than 32 MiB, far more than a request list needs',
    ],
  ])('%s: refused naming the limit, nothing saved', async (_what, name, write, message) => {
    const dir = tempDir();
    const path = await write(join(dir, name));
    const { vault } = await scopedVault(dir);
    for (const run of [
      () => previewImport(vault, { path, fileName: name }),
      () => importRequests(vault, { path, fileName: name, mapping: { ref: 'PBC #' } }),
    ]) {
      const e = await rejection(run());
      expect(e.code).toBe('validation');
      expect(e.message).toContain(message);
    }
    expect(requestCount(vault)).toBe(0);
    closeVault(vault);
  });
});

describe('limits checked while reading an XLSX, before exceljs sees it', () => {
  it('refuses a part that unpacks past its limit, counted while inflating', async () => {
    const path = await writeManyStringsXlsx(join(tempDir(), 'strings.xlsx'), 3_000_000);
    const e = await refusal(path, 'strings.xlsx');
    expect(e.code).toBe('validation');
    expect(e.message).toBe(
      'strings.xlsx is refused: its part xl/sharedStrings.xml unpacks to more than 32 MiB, far more than a request list needs',
    );
  });

  it('counts what a part unpacks to while inflating, whatever size the zip claims', async () => {
    const path = await writeZip(join(tempDir(), 'liar.xlsx'), {
      ...workbookParts(),
      'xl/media/image1.png': zeros(200 * 1024 * 1024),
    });
    understateSizes(path);
    const e = await refusal(path, 'liar.xlsx');
    expect(e.message).toBe(
      'liar.xlsx is refused: its part xl/media/image1.png unpacks to more than 32 MiB, far more than a request list needs',
    );
  });

  it('refuses one text longer than any cell holds before exceljs builds it', async () => {
    const path = await writeSharedStringBomb(join(tempDir(), 'text.xlsx'), 1_000_000);
    const e = await refusal(path, 'text.xlsx');
    expect(e.message).toBe(
      'text.xlsx is refused: its part xl/sharedStrings.xml has a text longer than 256 KiB in one piece, while a spreadsheet cell holds at most 32,767 characters',
    );
  });

  it('refuses parts that unpack past the total together', async () => {
    const path = await writeManyStringsXlsx(join(tempDir(), 'total.xlsx'), 100_000);
    const e = await refusal(path, 'total.xlsx', { zipTotalBytes: 1024 * 1024 });
    expect(e.message).toBe(
      'total.xlsx is refused: its parts unpack to more than 1 MiB together (passed in xl/sharedStrings.xml), far more than a request list needs',
    );
  });

  it('refuses a zip of too many parts', async () => {
    const parts = workbookParts();
    for (let i = 0; i < 1_001; i++) parts[`xl/media/image${i}.png`] = 'x';
    const path = await writeZip(join(tempDir(), 'parts.xlsx'), parts);
    const e = await refusal(path, 'parts.xlsx');
    expect(e.message).toBe(
      'parts.xlsx holds more than 1,000 parts (it has 1,007); a workbook with a request list has a few dozen',
    );
  });

  it('refuses a sheet of more cells than a request list has', async () => {
    const path = await writeZip(join(tempDir(), 'cells.xlsx'), {
      ...workbookParts(),
      'xl/worksheets/sheet1.xml': manyCellsSheet(150_001),
    });
    const e = await refusal(path, 'cells.xlsx');
    expect(e.message).toBe(
      'cells.xlsx is refused: its sheets have more than 150,000 cells, merged cells included (passed in xl/worksheets/sheet1.xml); a request list has far fewer',
    );
  });

  it('refuses a merge over the whole sheet, which exceljs would fill cell by cell', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>PBC #</t></is></c></row>';
    const path = await writeZip(join(tempDir(), 'merge.xlsx'), {
      ...workbookParts(),
      'xl/worksheets/sheet1.xml': sheetXml(
        rows,
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    });
    const e = await refusal(path, 'merge.xlsx');
    expect(e.message).toContain('its sheets have more than 150,000 cells, merged cells included');
  });

  it('refuses a column past the last one a spreadsheet has', async () => {
    const path = await writeZip(join(tempDir(), 'cols.xlsx'), {
      ...workbookParts(),
      'xl/worksheets/sheet1.xml': sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>PBC #</t></is></c></row>',
        '',
        '<cols><col min="1" max="1000000000" width="9"/></cols>',
      ),
    });
    const e = await refusal(path, 'cols.xlsx');
    expect(e.message).toBe(
      'cols.xlsx is refused: xl/worksheets/sheet1.xml describes column 1,000,000,000, past the last column a spreadsheet has (16,384)',
    );
  });

  it('reads drop-downs and names over whole columns or the whole sheet without expanding them', async () => {
    const parts = workbookParts();
    const path = await writeZip(join(tempDir(), 'ranges.xlsx'), {
      ...parts,
      'xl/workbook.xml': (parts['xl/workbook.xml'] as string).replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" ' +
          'hidden="1">PBC!$A$1:$XFD$1048576</definedName></definedNames>',
      ),
      'xl/worksheets/sheet1.xml': (parts['xl/worksheets/sheet1.xml'] as string).replace(
        '</sheetData>',
        '</sheetData><dataValidations count="1"><dataValidation type="list" ' +
          'sqref="A1:XFD1048576"><formula1>"Open,Closed"</formula1></dataValidation></dataValidations>',
      ),
    });
    const file = await readSpreadsheet(path, 'ranges.xlsx', { limits: { parseMs: 30_000 } });
    expect(file.sheets[0]!.grid).toEqual([
      ['PBC #', 'Item Requested'],
      ['PBC-1', 'Access review'],
    ]);
  });

  it('refuses a cell longer than a spreadsheet cell holds, naming it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBC list');
    ws.addRow(['PBC #', 'Item Requested']);
    ws.addRow(['PBC-1', 'y'.repeat(32_768)]);
    const path = join(tempDir(), 'long.xlsx');
    await wb.xlsx.writeFile(path);
    const e = await refusal(path, 'long.xlsx');
    expect(e.message).toBe(
      'Cell B2 of the sheet "PBC list" holds more than 32,767 characters, the most a spreadsheet cell holds',
    );
  });

  it('refuses text past column 200 and content far below the list, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBC list');
    ws.addRow(['PBC #', 'Item Requested']);
    ws.getCell(2, 201).value = 'stray';
    const wide = join(tempDir(), 'wide.xlsx');
    await wb.xlsx.writeFile(wide);
    expect((await refusal(wide, 'wide.xlsx')).message).toBe(
      'Cell GS2 of the sheet "PBC list" has something in it; a request list has at most 200 columns',
    );
    ws.getCell(2, 201).value = null;
    ws.getCell(20_000, 1).value = 'far down';
    const deep = join(tempDir(), 'deep.xlsx');
    await wb.xlsx.writeFile(deep);
    expect((await refusal(deep, 'deep.xlsx')).message).toBe(
      'The sheet "PBC list" has something on row 20,000; a request list ends well before row 10,000',
    );
  });

  it('refuses more text in all than a request list holds', async () => {
    const path = await writeLegitXlsx(join(tempDir(), 'text.xlsx'), 50);
    const e = await refusal(path, 'text.xlsx', { textChars: 2_000 });
    expect(e.message).toMatch(
      /^The workbook holds more than 2,000 characters of text \(passed at cell [A-K]\d+ of the sheet "PBC list"\); a request list is far smaller$/,
    );
  });
});

describe('limits checked while reading a CSV', () => {
  const write = (name: string, text: string) => {
    const path = join(tempDir(), name);
    writeFileSync(path, text);
    return path;
  };

  it('refuses text past column 200, and drops empty columns past it', async () => {
    const header = 'PBC #,Item' + ','.repeat(300);
    const fine = await readSpreadsheet(
      write('pad.csv', `${header}\r\nPBC-1,Policy\r\n`),
      'pad.csv',
    );
    expect(fine.sheets[0]!.grid[0]).toHaveLength(200);
    const e = await refusal(
      write('wide.csv', `PBC #,Item\r\n1,x${','.repeat(199)}stray\r\n`),
      'wide.csv',
    );
    expect(e.message).toBe(
      'Line 2 of wide.csv has text in column 201; a request list has at most 200 columns',
    );
  });

  it('refuses a cell longer than a spreadsheet cell holds', async () => {
    const e = await refusal(write('cell.csv', `PBC #,Item\n1,${'z'.repeat(40_000)}\n`), 'cell.csv');
    expect(e.message).toBe(
      'Line 2 of cell.csv has a cell longer than 32,767 characters, the most a spreadsheet cell holds',
    );
  });

  it('refuses more text in all than a request list holds', async () => {
    const e = await refusal(write('text.csv', legitCsv(100)), 'text.csv', { textChars: 5_000 });
    expect(e.message).toMatch(
      /^text\.csv holds more than 5,000 characters of text \(passed on line \d+\); a request list is far smaller$/,
    );
  });

  it('still reads a legitimate list of 5,000 rows', async () => {
    const file = await readSpreadsheet(write('legit.csv', legitCsv(5_000)), 'legit.csv');
    expect(file.sheets[0]!.grid).toHaveLength(5_001);
    const xlsx = await readSpreadsheet(
      await writeLegitXlsx(join(tempDir(), 'legit.xlsx'), 5_000),
      'legit.xlsx',
      // A busy test machine must not turn this into a refusal; the budget is measured by the bench.
      { limits: { parseMs: 60_000 } },
    );
    expect(xlsx.sheets[0]!.grid).toHaveLength(5_001);
  });
});

describe('limits on the list as read, where every request keeps every column', () => {
  it('refuses more rows × columns than it reads', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const header = ['PBC #', ...Array.from({ length: 59 }, (_, i) => `Col ${i + 1}`)].join(',');
    const rows = Array.from({ length: 4_000 }, (_, i) => `PBC-${i},x`);
    const path = join(dir, 'wide.csv');
    writeFileSync(path, [header, ...rows].join('\n'));
    const e = await rejection(previewImport(vault, { path, fileName: 'wide.csv' }));
    expect(e.message).toBe(
      'wide.csv has 4,000 rows × 60 columns = 240,000 cells; Attest reads at most 200,000, far more than a request list needs',
    );
    closeVault(vault);
  });

  it('refuses headers so long that keeping them with every request is too much', async () => {
    const dir = tempDir();
    const { vault } = await scopedVault(dir);
    const header = ['PBC #', ...Array.from({ length: 3 }, (_, i) => `${i}`.repeat(2_000))];
    const rows = Array.from({ length: 4_000 }, (_, i) => `PBC-${i},x`);
    const path = join(dir, 'headers.csv');
    writeFileSync(path, [header.join(','), ...rows].join('\n'));
    const e = await rejection(previewImport(vault, { path, fileName: 'headers.csv' }));
    expect(e.message).toBe(
      'headers.csv has headers of 6,005 characters over 4,000 rows; every request keeps them, so Attest reads at most 20,000,000 characters of headers × rows. Shorten the headers.',
    );
    closeVault(vault);
  });
});

describe('the worker’s own limits, for whatever gets past the others', () => {
  it('stops a read that takes longer than its time limit, and says so', async () => {
    const path = join(tempDir(), 'slow.csv');
    writeFileSync(path, legitCsv(5_000));
    const e = await refusal(path, 'slow.csv', { parseMs: 1 });
    expect(e.code).toBe('validation');
    expect(e.message).toBe(
      'slow.csv took longer than 0.001 seconds to read and was stopped; a request list reads in well under a second. Save it again from your spreadsheet app, or as .csv.',
    );
  });

  it('stops a read that needs more memory than its ceiling, and says so', async () => {
    const path = await writeLegitXlsx(join(tempDir(), 'big.xlsx'), 5_000);
    const e = await refusal(path, 'big.xlsx', { heapMb: 16, parseMs: 60_000 });
    expect(e.code).toBe('validation');
    expect(e.message).toBe(
      'big.xlsx needed more than the 16 MB of memory allowed for reading a request list and was stopped. Save it again from your spreadsheet app, or as .csv.',
    );
  });

  it('reads one file at a time, and a read cancelled while waiting never starts', async () => {
    const path = join(tempDir(), 'queued.csv');
    writeFileSync(path, legitCsv(100));
    const first = readSpreadsheet(path, 'queued.csv');
    const abort = new AbortController();
    const second = readSpreadsheet(path, 'queued.csv', { signal: abort.signal });
    abort.abort();
    expect((await rejection(second)).code).toBe('cancelled');
    expect(runningWorkers()).toBe(1);
    expect((await first).sheets[0]!.grid).toHaveLength(101);
  });

  it('ends the worker when the caller cancels', async () => {
    const path = join(tempDir(), 'cancel.csv');
    writeFileSync(path, legitCsv(100));
    const abort = new AbortController();
    const read = readSpreadsheet(path, 'cancel.csv', { signal: abort.signal });
    abort.abort();
    expect((await rejection(read)).code).toBe('cancelled');
  });
});

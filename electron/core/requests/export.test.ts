import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGenerated } from '../files/generated';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { closeVault } from '../vault/session';
import { commentOnRequest, setRequestStatus, updateRequest } from './edits';
import { exportRequests } from './export';
import { importRequests } from './import';
import { filterRequests } from './queries';
import { readXlsxCellsWithPython } from '../../testing/read-back';
import {
  PBC_CSV_HEADERS,
  XLSX_HEADERS,
  readBackWithPython,
  writePbcCsv,
  writePbcXlsx,
} from './test-fixtures';

const OURS = [
  'Internal status',
  'Internal owner',
  'Internal reviewer',
  'Submitted on',
  'Evidence IDs',
  'Comments',
];

describe('exporting the request list', () => {
  it('returns the auditor’s columns as given, in their order, then ours; independent readers agree', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    applyScope(vault);
    createPerson(vault, { name: 'Ana Lima', email: 'ana@acme.io' });
    const bo = createPerson(vault, { name: 'Bo Chen' });
    await importRequests(vault, {
      path: writePbcCsv(dir),
      fileName: 'pbc.csv',
      mapping: { ref: 'PBC #', description: 'Item Requested', dueOn: 'Due', owner: 'Owner' },
    });
    const [first, , third] = filterRequests(vault, { includeArchived: false });
    updateRequest(vault, first!.id, { reviewerId: bo.id });
    setRequestStatus(vault, first!.id, { status: 'submitted', reopen: false });
    commentOnRequest(vault, third!.id, 'Asked for the Q1 tickets again');

    for (const format of ['csv', 'xlsx'] as const) {
      const file = exportRequests(vault, format);
      expect(file.fileName).toBe(`Request-List_Acme-Analytics-Ltd_2026-01-15.${format}`);
      const path = join(dir, file.fileName);
      await writeGenerated(file, path);
      const rows = readBackWithPython(path, format);
      expect(rows[0]).toEqual([...PBC_CSV_HEADERS, ...OURS]);
      expect(rows.map((r) => r[0])).toEqual(['PBC #', 'PBC-001', 'PBC-002', 'PBC-010']);
      expect(rows[1]).toEqual([
        'PBC-001',
        'CC 6.1, cc6.2',
        'AC-01',
        'Access control policy\n(current version)',
        'Document',
        'as of 31/03/2026',
        'Ana Lima',
        '31/03/2026',
        '1',
        'Open',
        '',
        'High',
        'Submitted',
        'Ana Lima',
        'Bo Chen',
        '2026-01-15',
        '',
        '0',
      ]);
      expect(rows[2]!.slice(3, 4)).toEqual(['List of all new hires; with "start date"']);
      expect(rows[3]!.slice(9)).toEqual(['Follow-up', '', '', 'New', '', '', '', '', '1']);
    }
    closeVault(vault);
  });

  it('keeps columns from an earlier version of the list after the newer file’s, and only columns with values', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    await importRequests(vault, {
      path: await writePbcXlsx(dir),
      fileName: 'v1.xlsx',
      mapping: { ref: 'Request ID' },
    });
    await importRequests(vault, {
      path: writePbcCsv(dir, 'v2.csv', 'Request ID,Owner note\nR-1,ask Ana\nR-9,new one\n'),
      fileName: 'v2.csv',
      mapping: { ref: 'Request ID' },
    });
    // A later file whose only row was refused adds no empty column.
    await importRequests(vault, {
      path: writePbcCsv(dir, 'v3.csv', 'Request ID,Junk\n,x\n'),
      fileName: 'v3.csv',
      mapping: { ref: 'Request ID' },
    });
    const file = exportRequests(vault, 'csv');
    const path = join(dir, 'out.csv');
    await writeGenerated(file, path);
    const rows = readBackWithPython(path, 'csv');
    expect(rows[0]).toEqual(['Request ID', 'Owner note', ...XLSX_HEADERS.slice(1), ...OURS]);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['R-1', 'ask Ana', ''],
      ['R-2', '', 'CC8.1; CC8.1'],
      ['R-3', '', 'A1.2'],
      ['R-9', 'new one', ''],
    ]);
    closeVault(vault);
  });

  it('hands back the auditor’s formula-looking cells as text, in CSV and XLSX', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    const hostile = ['=HYPERLINK("https://evil.example","x")', '+SUM(1)', '@SUM(A1)', '-1+2'];
    await importRequests(vault, {
      path: writePbcCsv(
        dir,
        'pbc.csv',
        'Request ID,Note A,Note B,Note C,Note D\nR-1,' +
          hostile.map((h) => `"${h.replace(/"/g, '""')}"`).join(',') +
          '\n',
      ),
      fileName: 'pbc.csv',
      mapping: { ref: 'Request ID' },
    });
    const csv = exportRequests(vault, 'csv');
    const csvPath = join(dir, 'out.csv');
    await writeGenerated(csv, csvPath);
    expect(readBackWithPython(csvPath, 'csv')[1]!.slice(1, 5)).toEqual(hostile.map((h) => `'${h}`));

    const xlsx = exportRequests(vault, 'xlsx');
    const xlsxPath = join(dir, 'out.xlsx');
    await writeGenerated(xlsx, xlsxPath);
    const cells = readXlsxCellsWithPython(xlsxPath).filter((c) => /^[B-E]2$/.test(c.ref));
    expect(cells.map((c) => [c.value, c.type, c.formula, c.quotePrefix])).toEqual(
      hostile.map((h) => [h, 's', false, true]),
    );
    closeVault(vault);
  });
});

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobChunks } from '../../db/blobs';
import { tempDir } from '../../testing/tmp';
import { newTestVault } from '../../testing/vaults';
import { createPerson } from '../people/people';
import { applyScope } from '../scope/apply-scope';
import { closeVault } from '../vault/session';
import { exportTasks } from './export';
import { createTask } from './tasks';

/** Reads a spreadsheet with Python's standard library: an independent reader, not exceljs. */
const READ_XLSX = `
import sys, zipfile, xml.etree.ElementTree as ET, json
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
strings = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)] if 'xl/sharedStrings.xml' in z.namelist() else []
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
    cells = []
    for c in row.findall('m:c', ns):
        col = 0
        for ch in c.get('r'):
            if ch.isalpha(): col = col * 26 + ord(ch) - 64
        cells.extend([''] * (col - 1 - len(cells)))
        v = c.find('m:v', ns); isv = c.find('m:is/m:t', ns)
        cells.append(strings[int(v.text)] if c.get('t') == 's' else (isv.text if isv is not None else (v.text if v is not None else '')))
    rows.append(cells)
print(json.dumps(rows))
`;

const READ_CSV = `
import sys, csv, json
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    print(json.dumps(list(csv.reader(f))))
`;

describe('exporting the remediation plan', () => {
  it('writes CSV and XLSX that independent readers read back with the same content', async () => {
    const dir = tempDir();
    const vault = await newTestVault(dir);
    applyScope(vault);
    const ana = createPerson(vault, { name: 'Ana Lima' });
    createTask(vault, {
      title: 'Roll out MFA',
      ownerId: ana.id,
      dueOn: '2026-03-31',
      priority: 'high',
    });
    createTask(vault, { title: '=HYPERLINK("x")', description: 'two\nlines, "quoted"' });

    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportTasks(vault, format);
      const path = join(dir, file.fileName);
      writeFileSync(path, Buffer.concat([...blobChunks(vault.db, file.blobId)]));
      const rows = JSON.parse(
        execFileSync('python3', ['-c', format === 'csv' ? READ_CSV : READ_XLSX, path], {
          encoding: 'utf8',
        }),
      ) as string[][];
      expect(rows[0]!.slice(0, 6)).toEqual(['Task', 'Title', 'Status', 'Priority', 'Owner', 'Due']);
      expect(rows[1]!.slice(0, 6)).toEqual([
        'T-001',
        'Roll out MFA',
        'To do',
        'high',
        'Ana Lima',
        '2026-03-31',
      ]);
      expect(rows[2]![10]).toBe('two\nlines, "quoted"');
      // A formula-looking title is neutralised in CSV (a leading quote) and stored as text in XLSX.
      expect(rows[2]![1]).toBe(format === 'csv' ? `'=HYPERLINK("x")` : '=HYPERLINK("x")');
    }
    closeVault(vault);
  });
});

import { execFileSync } from 'node:child_process';

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

export function readBackWithPython(path: string, format: 'csv' | 'xlsx'): string[][] {
  return JSON.parse(
    execFileSync('python3', ['-c', format === 'csv' ? READ_CSV : READ_XLSX, path], {
      encoding: 'utf8',
    }),
  ) as string[][];
}

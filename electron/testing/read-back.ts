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

/** Reads every cell of the first sheet with its type, any formula, and its cell format. */
const READ_XLSX_CELLS = `
import sys, zipfile, xml.etree.ElementTree as ET, json
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
strings = [''.join(t.text or '' for t in si.iter(M + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(M + 'si')] if 'xl/sharedStrings.xml' in z.namelist() else []
xfs = ET.fromstring(z.read('xl/styles.xml')).find(M + 'cellXfs').findall(M + 'xf')
cells = []
for c in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(M + 'c'):
    v = c.find(M + 'v'); xf = xfs[int(c.get('s', '0'))]
    t = c.get('t', 'n')
    cells.append({'ref': c.get('r'), 'type': t, 'formula': c.find(M + 'f') is not None,
                  'value': strings[int(v.text)] if t == 's' else (v.text if v is not None else None),
                  'quotePrefix': xf.get('quotePrefix') == '1', 'numFmtId': int(xf.get('numFmtId', '0'))})
print(json.dumps(cells))
`;

export interface XlsxCellReadBack {
  ref: string;
  /** `s` shared string, `n` number, `str` a formula's text result, `inlineStr`, `b`, `e`. */
  type: string;
  formula: boolean;
  value: string | null;
  quotePrefix: boolean;
  numFmtId: number;
}

export function readXlsxCellsWithPython(path: string): XlsxCellReadBack[] {
  return JSON.parse(
    execFileSync('python3', ['-c', READ_XLSX_CELLS, path], { encoding: 'utf8' }),
  ) as XlsxCellReadBack[];
}

/** Reads a DOCX's body with Python's zipfile and XML parser: paragraphs (style, text) and tables. */
const READ_DOCX = `
import sys, zipfile, xml.etree.ElementTree as ET, json
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
assert '[Content_Types].xml' in z.namelist()
body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
def para(p):
    style = p.find(W + 'pPr/' + W + 'pStyle')
    return {'style': style.get(W + 'val') if style is not None else None,
            'text': ''.join(t.text or '' for t in p.iter(W + 't'))}
out = {'paragraphs': [], 'tables': []}
for child in body:
    if child.tag == W + 'p':
        out['paragraphs'].append(para(child))
    elif child.tag == W + 'tbl':
        out['tables'].append([[''.join(t.text or '' for t in tc.iter(W + 't')) for tc in tr.findall(W + 'tc')] for tr in child.findall(W + 'tr')])
print(json.dumps(out))
`;

export interface DocxReadBack {
  paragraphs: { style: string | null; text: string }[];
  tables: string[][][];
}

export function readDocxWithPython(path: string): DocxReadBack {
  return JSON.parse(
    execFileSync('python3', ['-c', READ_DOCX, path], { encoding: 'utf8' }),
  ) as DocxReadBack;
}

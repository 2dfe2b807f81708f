import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText, mixedEncodingWarning } from './decode-text';
import { detectDelimiter, parseCsv, readCsvText } from './read-csv';

describe('the CSV reader (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and new lines inside', () => {
    const text = 'a,b,c\r\n"1,5","say ""hi""","two\r\nlines"\r\nx,,z\r\n';
    expect(parseCsv(text, ',')).toEqual([
      ['a', 'b', 'c'],
      ['1,5', 'say "hi"', 'two\r\nlines'],
      ['x', '', 'z'],
    ]);
  });

  it('keeps blank lines as rows (so row numbers match the spreadsheet) and a last line without a line end', () => {
    expect(parseCsv('a\n\nb\r""', ',')).toEqual([['a'], [''], ['b'], ['']]);
  });

  it('agrees with Python’s csv module on a hostile sample', () => {
    const text = 'h1;h2;h3\n"a;b";"c""d""";e\n"multi\nline";;"x"y\n;;\n';
    const python = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          'import sys,csv,json; print(json.dumps(list(csv.reader(sys.stdin.read().splitlines(True), delimiter=";"))))',
        ],
        { input: text, encoding: 'utf8' },
      ),
    );
    expect(parseCsv(text, ';')).toEqual(python);
  });

  it('refuses a quoted field that never ends, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', ',')).toThrow(/never ends \(it opens on line 2\)/);
  });

  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;"2,5";3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['Acme, Inc. request list\nPBC #;Item;Due\n1;Policy;2026-03-31\n2;"x, y";2026-04-30\n', ';'],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('honours Excel’s sep= line', () => {
    expect(readCsvText('sep=;\r\na,b;c\r\n')).toEqual({ grid: [['a,b', 'c']], delimiter: ';' });
  });
});

describe('decoding', () => {
  it('reads UTF-8 with or without a BOM, UTF-16 with a BOM, and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFRéf;Item', 'utf8'))).toBe('Réf;Item');
    expect(decodeText(Buffer.from('\uFEFFRéf\tItem', 'utf16le'))).toBe('Réf\tItem');
    expect(decodeText(Buffer.from([0x52, 0xe9, 0x66, 0x3b, 0x80]))).toBe('Réf;€');
  });

  it('says binary data is not text', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeNull();
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256));
    expect(decodeText(noise)).toBeNull();
  });
});

describe('a file mixing UTF-8 and Windows-1252', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const cp1252 = (text: string) => Buffer.from(text, 'latin1');

  it('reads each UTF-8 sequence as UTF-8 and every other byte as Windows-1252, naming the lines', () => {
    const bytes = Buffer.concat([
      utf8('Ref;Item\nPBC-1;Café policy\n'),
      cp1252('PBC-2;Café badge list\n'),
      utf8('PBC-3;Zürich office – 5 €\n'),
      cp1252('PBC-4;Résumé\n'),
      Buffer.from([0x50, 0x42, 0x43, 0x2d, 0x35, 0x3b, 0x80, 0x35, 0x0a]), // "PBC-5;€5" in 1252
    ]);
    const decoded = decodeBytes(bytes)!;
    expect(decoded.text).toBe(
      'Ref;Item\nPBC-1;Café policy\nPBC-2;Café badge list\nPBC-3;Zürich office – 5 €\nPBC-4;Résumé\nPBC-5;€5\n',
    );
    expect(decoded).toMatchObject({ windows1252Lines: [3, 5, 6], windows1252LineCount: 3 });
    expect(mixedEncodingWarning('pbc.csv', decoded)).toBe(
      'pbc.csv mixes two encodings: 3 lines (3, 5, 6) are not UTF-8 like the rest of the file and were read as Windows-1252. Check accented letters and symbols on those lines.',
    );
  });

  it('names the first lines and counts the rest', () => {
    const lines = Array.from({ length: 12 }, (_, i) => cp1252(`PBC-${i};Café\n`));
    const decoded = decodeBytes(Buffer.concat([utf8('Ref;Item – ✓\n'), ...lines]))!;
    expect(decoded.windows1252LineCount).toBe(12);
    expect(mixedEncodingWarning('pbc.csv', decoded)).toContain(
      '12 lines (2, 3, 4, 5, 6, 7, 8, 9, …) are not UTF-8',
    );
  });

  it('says nothing for a file wholly in one encoding', () => {
    for (const bytes of [utf8('Ref;Item\n1;Café\n'), cp1252('Ref;Item\n1;Café\n')]) {
      const decoded = decodeBytes(bytes)!;
      expect(decoded.text).toBe('Ref;Item\n1;Café\n');
      expect(mixedEncodingWarning('pbc.csv', decoded)).toBeNull();
    }
  });
});

/**
 * exceljs cannot set a cell's quote prefix (the style Excel gives text typed after a `'`: shown
 * as typed, kept as text even when the cell is edited). Cells that need it are written with the
 * Text number format (`@`, id 49), and this marks every cell format with that number format as
 * quote-prefixed: `xl/styles.xml` is rewritten, every other part copied as it is (each entry
 * stamped with `stampedAt` when given, else the time exceljs gave it).
 */
import yauzl from 'yauzl';
import yazl from 'yazl';

/** The built-in number format "@" (Text). */
export const TEXT_FORMAT_ID = 49;

export async function withQuotePrefix(xlsx: Buffer, stampedAt?: Date): Promise<Buffer> {
  const source = await yauzl.fromBufferPromise(xlsx, { lazyEntries: true });
  const out = new yazl.ZipFile();
  let marked = false;
  try {
    for await (const entry of source.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await source.openReadStreamPromise(entry)) chunks.push(chunk);
      let data = Buffer.concat(chunks);
      if (entry.fileName === 'xl/styles.xml') {
        data = Buffer.from(markTextFormats(data.toString('utf8')), 'utf8');
        marked = true;
      }
      out.addBuffer(data, entry.fileName, { mtime: stampedAt ?? entry.getLastModDate() });
    }
  } finally {
    source.close();
  }
  if (!marked) throw new Error('The workbook has no styles part to mark');
  out.end();
  const parts: Buffer[] = [];
  for await (const chunk of out.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** Adds `quotePrefix="1"` to each cell format (`cellXfs`, not the named styles) using "@". */
export function markTextFormats(styles: string): string {
  return styles.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) =>
    xfs.replace(
      new RegExp(`<xf\\b(?=[^>]*\\bnumFmtId="${TEXT_FORMAT_ID}")(?![^>]*\\bquotePrefix=)`, 'g'),
      '<xf quotePrefix="1"',
    ),
  );
}

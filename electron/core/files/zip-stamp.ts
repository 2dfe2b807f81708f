/**
 * Office files are zips whose writers stamp "now" into them: docx puts the current time in
 * `docProps/core.xml` and on every zip entry, with no option to say otherwise. For the audit
 * package to be reproducible (DESIGN §6), a generated DOCX is rewritten here: the core
 * properties' created and modified times and every entry's time become `stampedAt`; every
 * part's bytes are otherwise copied as they are, in the same order.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';

const CORE_PROPERTIES = 'docProps/core.xml';

export async function restampZip(zip: Buffer, stampedAt: Date): Promise<Buffer> {
  const source = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const out = new yazl.ZipFile();
  try {
    for await (const entry of source.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await source.openReadStreamPromise(entry)) chunks.push(chunk);
      let data = Buffer.concat(chunks);
      if (entry.fileName === CORE_PROPERTIES) {
        data = Buffer.from(restampCoreProperties(data.toString('utf8'), stampedAt), 'utf8');
      }
      out.addBuffer(data, entry.fileName, { mtime: stampedAt });
    }
  } finally {
    source.close();
  }
  out.end();
  const parts: Buffer[] = [];
  for await (const chunk of out.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** `dcterms:created` and `dcterms:modified` set to the instant, in W3CDTF without fractions. */
export function restampCoreProperties(xml: string, stampedAt: Date): string {
  const when = `${stampedAt.toISOString().slice(0, 19)}Z`;
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _name: string, close: string) => `${open}${when}${close}`,
  );
}

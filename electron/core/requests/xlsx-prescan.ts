/**
 * Reads an XLSX as a zip before exceljs sees it, inflating every entry as a stream and counting
 * as it goes: entries, each entry's unpacked bytes and all of them together (whatever sizes the
 * zip declares), and, in the XML, the longest text or tag, the elements, the cells and the cells
 * covered by merges. A zip bomb or a sheet built to swamp exceljs is refused at the limit, naming
 * the entry; exceljs, which cannot stop part-way, only ever loads what passed.
 */
import yauzl from 'yauzl';
import { AttestError } from '../../../shared/api/errors';
import { type ReadLimits, bytes, count, tooBig } from './limits';

type PrescanLimits = Pick<
  ReadLimits,
  | 'zipEntries'
  | 'zipEntryBytes'
  | 'zipTotalBytes'
  | 'xmlRunBytes'
  | 'xmlElements'
  | 'cells'
  | 'merges'
>;

/** The XML parts exceljs parses (media and other binaries are only counted). */
const XML_PART = /\.(xml|rels|vml)$/i;
/** The last column a spreadsheet has (XFD). */
const MAX_COLUMN = 16_384;

export async function prescanXlsx(
  data: Buffer,
  fileName: string,
  limits: PrescanLimits,
): Promise<void> {
  const unreadable = () =>
    new AttestError(
      'validation',
      `${fileName} is not a readable XLSX workbook; save it from your spreadsheet app as .xlsx or .csv`,
    );
  let zip: yauzl.ZipFile;
  try {
    // Sizes are counted here whatever the zip declares (yauzl's own check would call a zip
    // that understates them unreadable, rather than name the limit).
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: false });
  } catch {
    throw unreadable();
  }
  if (zip.entryCount > limits.zipEntries) {
    zip.close();
    throw tooBig(
      `${fileName} holds more than ${count(limits.zipEntries)} parts (it has ` +
        `${count(zip.entryCount)}); a workbook with a request list has a few dozen`,
    );
  }
  const xml = new XmlCounter(fileName, limits);
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const tooLarge = () =>
        tooBig(
          `${fileName} is refused: its part ${entry.fileName} unpacks to more than ` +
            `${bytes(limits.zipEntryBytes)}, far more than a request list needs`,
        );
      if (entry.uncompressedSize > limits.zipEntryBytes) throw tooLarge();
      const parseXml = XML_PART.test(entry.fileName);
      xml.startPart(entry.fileName);
      let size = 0;
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.zipEntryBytes) throw tooLarge();
          if (total > limits.zipTotalBytes) {
            throw tooBig(
              `${fileName} is refused: its parts unpack to more than ` +
                `${bytes(limits.zipTotalBytes)} together (passed in ${entry.fileName}), far more ` +
                `than a request list needs`,
            );
          }
          if (parseXml) xml.feed(chunk);
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (e) {
    if (e instanceof AttestError) throw e;
    throw unreadable();
  } finally {
    zip.close();
  }
}

/** Counts through XML as it streams past, without building anything. */
class XmlCounter {
  private part = '';
  private inTag = false;
  private run = 0;
  /** The start of the current tag, enough for its name and a short attribute. */
  private head = '';
  private elements = 0;
  private cells = 0;
  private merges = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: PrescanLimits,
  ) {}

  startPart(name: string): void {
    this.part = name;
    this.inTag = false;
    this.run = 0;
  }

  feed(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      const next = chunk.indexOf(this.inTag ? 0x3e : 0x3c, pos); // '>' ends a tag, '<' a text
      const end = next === -1 ? chunk.length : next;
      if (this.inTag && this.head.length < 200) {
        this.head += chunk.toString('latin1', pos, Math.min(end, pos + 200 - this.head.length));
      }
      this.run += end - pos;
      if (this.run > this.limits.xmlRunBytes) throw this.runTooLong();
      if (next === -1) return;
      if (this.inTag) this.endTag();
      this.inTag = !this.inTag;
      this.run = 0;
      this.head = '';
      pos = next + 1;
    }
  }

  private runTooLong(): AttestError {
    const what = this.inTag ? 'a tag' : 'a text';
    return tooBig(
      `${this.fileName} is refused: its part ${this.part} has ${what} longer than ` +
        `${bytes(this.limits.xmlRunBytes)} in one piece, while a spreadsheet cell holds at most ` +
        `32,767 characters`,
    );
  }

  private endTag(): void {
    const head = this.head;
    // Closing tags, declarations, comments and processing instructions are not elements.
    if (head === '' || head[0] === '/' || head[0] === '?' || head[0] === '!') return;
    this.elements++;
    if (this.elements > this.limits.xmlElements) {
      throw tooBig(
        `${this.fileName} is refused: it has more than ${count(this.limits.xmlElements)} XML ` +
          `elements (passed in ${this.part}), far more than a request list needs`,
      );
    }
    const name = /^([^\s/>]+)/.exec(head)![1]!.replace(/^[^:]*:/, '');
    if (name === 'c') this.addCells(1);
    else if (name === 'mergeCell') {
      this.merges++;
      if (this.merges > this.limits.merges) {
        throw tooBig(
          `${this.fileName} is refused: it has more than ${count(this.limits.merges)} merged ` +
            `ranges (passed in ${this.part}); a request list has far fewer`,
        );
      }
      this.addCells(mergedArea(head));
    } else if (name === 'col') {
      const max = Number(/\bmax="(\d+)"/.exec(head)?.[1] ?? 0);
      if (max > MAX_COLUMN) {
        throw tooBig(
          `${this.fileName} is refused: ${this.part} describes column ${count(max)}, past the ` +
            `last column a spreadsheet has (${count(MAX_COLUMN)})`,
        );
      }
    }
  }

  private addCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.cells) {
      throw tooBig(
        `${this.fileName} is refused: its sheets have more than ${count(this.limits.cells)} ` +
          `cells, merged cells included (passed in ${this.part}); a request list has far fewer`,
      );
    }
  }
}

/** Cells a merge covers besides its first: `ref="A1:C3"` → 8. */
function mergedArea(head: string): number {
  const m = /\bref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"/i.exec(head);
  if (!m) return 0;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(col(m[3]!) - col(m[1]!)) + 1;
  return rows * cols - 1;
}

import { deflateRawSync } from 'node:zlib';

/**
 * A small zip writer for the malicious-zip corpus: yazl (rightly) refuses the names and lies these
 * tests need, so entries are laid out by hand — local header, data, central directory, end record
 * — with every field overridable. CRCs are left 0: Attest checks SHA-256, never CRC-32.
 */
export interface RawEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored (default), 8 deflated (the data is compressed here). */
  method?: 0 | 8;
  /** Declared sizes, when they should lie. */
  compressedSize?: number;
  uncompressedSize?: number;
  /** Unix mode in the upper 16 bits of the external attributes (e.g. 0o120777 for a link). */
  unixMode?: number;
  flags?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
  /** Point the central directory at another entry's local header (overlapping entries). */
  offsetOf?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e) => {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const localName = e.localName === undefined ? name : Buffer.from(e.localName, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const body = e.method === 8 ? deflateRawSync(data) : data;
    const compressed = e.compressedSize ?? body.length;
    const uncompressed = e.uncompressedSize ?? data.length;
    const flags = e.flags ?? (typeof e.name === 'string' ? 0x800 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method ?? 0, 8);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(uncompressed, 22);
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method ?? 0, 10);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.unixMode ?? 0o100644) << 16) >>> 0, 38);
    offsets.push(offset);
    central.writeUInt32LE(e.offsetOf === undefined ? offset : offsets[e.offsetOf]!, 42);
    locals.push(local, localName, body);
    centrals.push(central, name);
    offset += local.length + localName.length + body.length;
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

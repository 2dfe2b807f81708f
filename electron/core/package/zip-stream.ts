import { createHash } from 'node:crypto';
import { read } from 'node:fs';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import type { OpenedZip, ZipEntryInfo } from './zip-read';

export interface HashOptions {
  keep?: boolean;
  signal?: AbortSignal;
  onBytes?: (n: number) => void;
  /** Each chunk as it is hashed (auditor mode copies an entry out while checking it). */
  onChunk?: (chunk: Buffer) => void;
}

/** What reading one entry's bytes found. */
export type EntryRead =
  | { ok: true; sha256: string; size: number; bytes?: Buffer }
  /** The entry lies about itself: its local header or its true size. Hostile. */
  | { ok: false; hostile: true; why: string }
  /** The bytes cannot be decoded (damaged deflate data). */
  | { ok: false; hostile: false; why: string };

/**
 * Streams one entry through SHA-256 without writing it anywhere. The local header must name
 * the same file as the central directory (tools that read local headers would otherwise unpack
 * another name), and the entry must inflate to exactly its declared size: reading stops at the
 * first byte past it, so a lying size never inflates further. `keep` also returns the bytes
 * (the manifest, its signature and key, all size-limited beforehand).
 */
export async function hashEntry(
  { zip, fd }: Pick<OpenedZip, 'zip' | 'fd'>,
  entry: ZipEntryInfo,
  options: HashOptions = {},
): Promise<EntryRead> {
  const { raw } = entry;
  let header: yauzl.LocalFileHeader;
  try {
    header = await zip.readLocalFileHeaderPromise(raw);
  } catch (e) {
    return {
      ok: false,
      hostile: true,
      why: `its local header cannot be read (${(e as Error).message})`,
    };
  }
  if (!header.fileName.equals(raw.fileNameRaw)) {
    return {
      ok: false,
      hostile: true,
      why: `its local header names another file (${JSON.stringify(header.fileName.toString('latin1'))})`,
    };
  }
  if (raw.compressionMethod === 0) {
    return hashStored(fd, header.fileDataStart, raw.uncompressedSize, options);
  }
  let stream: Readable;
  try {
    // The callback form: yauzl 3.4's openReadStreamLowLevelPromise calls openReadStream.
    stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStreamLowLevel(
        header.fileDataStart,
        raw.compressedSize,
        0,
        raw.compressedSize,
        raw.compressionMethod === 8,
        raw.uncompressedSize,
        (err, s) => (err ? reject(err) : resolve(s)),
      ),
    );
  } catch (e) {
    return { ok: false, hostile: false, why: (e as Error).message };
  }
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      size += chunk.length;
      if (size > raw.uncompressedSize) {
        stream.destroy();
        return {
          ok: false,
          hostile: true,
          why: `its sizes lie: it inflates past the ${raw.uncompressedSize} bytes it declares`,
        };
      }
      hash.update(chunk);
      if (options.keep) kept.push(chunk);
      options.onChunk?.(chunk);
      options.onBytes?.(chunk.length);
    }
  } catch (e) {
    if (options.signal?.aborted) throw e;
    stream.destroy();
    return { ok: false, hostile: false, why: (e as Error).message };
  }
  if (size !== raw.uncompressedSize) {
    return {
      ok: false,
      hostile: true,
      why: `its sizes lie: it holds ${size} bytes where it declares ${raw.uncompressedSize}`,
    };
  }
  return {
    ok: true,
    sha256: hash.digest('hex'),
    size,
    ...(options.keep ? { bytes: Buffer.concat(kept) } : {}),
  };
}

const CHUNK = 1024 * 1024;
let sharedBuffer: Buffer | null = null;

/**
 * A stored entry read straight from the file in 1 MiB steps into one reused buffer: yauzl's
 * stream reads 16 KiB at a time on Node 20, a thread-pool round trip each, which cost as much as
 * hashing. Its sizes were checked equal on the directory; the bytes must all be there.
 */
async function hashStored(
  fd: number,
  start: number,
  size: number,
  options: HashOptions,
): Promise<EntryRead> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  // One verification at a time reads into it between awaits only; a second concurrent one gets its own.
  const buffer = sharedBuffer ?? Buffer.allocUnsafe(CHUNK);
  sharedBuffer = null;
  try {
    for (let done = 0; done < size;) {
      options.signal?.throwIfAborted();
      const want = Math.min(CHUNK, size - done);
      const n = await new Promise<number>((resolve, reject) =>
        read(fd, buffer, 0, want, start + done, (err, bytes) =>
          err ? reject(err) : resolve(bytes),
        ),
      );
      if (n === 0) {
        return {
          ok: false,
          hostile: true,
          why: `its sizes lie: the file ends before its ${size} bytes`,
        };
      }
      const chunk = buffer.subarray(0, n);
      hash.update(chunk);
      if (options.keep) kept.push(Buffer.from(chunk));
      options.onChunk?.(chunk);
      options.onBytes?.(n);
      done += n;
    }
  } catch (e) {
    if (options.signal?.aborted) throw e;
    return { ok: false, hostile: false, why: (e as Error).message };
  } finally {
    sharedBuffer = buffer;
  }
  return {
    ok: true,
    sha256: hash.digest('hex'),
    size,
    ...(options.keep ? { bytes: Buffer.concat(kept) } : {}),
  };
}

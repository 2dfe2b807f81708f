import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import yauzl from 'yauzl';
import { AttestError } from '../../../shared/api/errors';

/**
 * Reading a zip that may be hostile (DESIGN §6): the central directory is read entry by entry
 * (`lazyEntries`) with names left as raw bytes, so every rule is applied by `zip-rules.ts` —
 * yauzl would otherwise rewrite backslashes to slashes and stop at the first bad name without
 * naming it. Sizes are checked here too, per entry (see `zip-stream.ts`), for the same reason:
 * yauzl's `validateEntrySizes` fails the whole directory read, unnamed, on the first lying size.
 */
export interface ZipEntryInfo {
  /** The name as the central directory spells it, decoded for rules and messages. */
  name: string;
  /** False when the bytes were not valid in the encoding the entry declares. */
  nameDecoded: boolean;
  raw: yauzl.Entry;
}

export interface OpenedZip {
  zip: yauzl.ZipFile;
  /** The descriptor yauzl reads from (open until `close`): stored entries are read from it directly. */
  fd: number;
  /** Entries the directory declares (read before any entry, so a huge count is refused early). */
  entryCount: number;
  fileSize: number;
  close(): void;
}

/** Not readable as a zip at all: exit 2 in the command, `not_a_package` in the contract. */
export function notAZip(detail: string): AttestError {
  return new AttestError(
    'not_a_package',
    `This file cannot be read as a zip archive (${detail}); it is not an audit package, or it was cut short.`,
  );
}

/** Opens a regular file as a zip; refuses folders, devices and pipes without blocking on them. */
export async function openZip(path: string): Promise<OpenedZip> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AttestError('not_found', `There is no file at ${path}.`);
    if (code === 'EISDIR') throw new AttestError('validation', `${path} is a folder, not a file.`);
    throw new AttestError('io', `${path} cannot be read (${code ?? String(e)}).`);
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new AttestError(
      'validation',
      stat.isDirectory() ? `${path} is a folder, not a file.` : `${path} is not a regular file.`,
    );
  }
  let zip: yauzl.ZipFile;
  try {
    // fromFd takes the descriptor over: closing the zip file closes it.
    zip = await yauzl.fromFdPromise(fd, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: false,
      strictFileNames: false,
    });
  } catch (e) {
    closeSync(fd);
    throw notAZip((e as Error).message);
  }
  return { zip, fd, entryCount: zip.entryCount, fileSize: stat.size, close: () => zip.close() };
}

/**
 * Every central directory entry, in directory order. A directory that cannot be walked to its
 * end (truncated, overlapping the file's end, bad signatures) means this is not a readable zip.
 */
export async function readEntries(opened: OpenedZip): Promise<ZipEntryInfo[]> {
  const entries: ZipEntryInfo[] = [];
  try {
    for await (const raw of opened.zip.eachEntry()) {
      entries.push({ ...decodeName(raw), raw });
    }
  } catch (e) {
    throw notAZip((e as Error).message);
  }
  return entries;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_FLAG = 0x800;

/** The entry's name: UTF-8 when flagged, else bytes shown one to one (never trusted either way). */
function decodeName(raw: yauzl.Entry): { name: string; nameDecoded: boolean } {
  const bytes = raw.fileNameRaw ?? (raw.fileName as unknown as Buffer);
  if (raw.generalPurposeBitFlag & UTF8_FLAG) {
    try {
      return { name: utf8.decode(bytes), nameDecoded: true };
    } catch {
      return { name: bytes.toString('latin1'), nameDecoded: false };
    }
  }
  // CP437 in theory; any byte above 127 makes the name unusable as a package path anyway.
  return { name: bytes.toString('latin1'), nameDecoded: bytes.every((b) => b < 0x80) };
}

import type { PackageProblem } from '../../../shared/api/package-verify';
import type { ZipEntryInfo } from './zip-read';

/**
 * The hostile-zip rules of DESIGN §6, applied to the central directory before a byte of any
 * entry is read. Verifying extracts nothing, but the same rules hold for anything that later
 * opens the package (auditor mode, an unzip tool): a package that breaks one is refused whole.
 */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size above which an entry is a deflate bomb… */
  maxRatio: number;
  /** …once it inflates to more than this (tiny files compress absurdly well, harmlessly). */
  ratioFloorBytes: number;
  /** Bytes in one name. */
  maxNameBytes: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Generous for a real package (the large demo has 50,000 evidence items; evidence files are
 * already compressed, CSVs deflate 5–20×) and far below what a bomb needs.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 256 * GiB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxNameBytes: 1024,
};

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const ENCRYPTED = 0x1;
const LOCAL_HEADER_BYTES = 30;

export const isFolderEntry = (e: ZipEntryInfo) => e.name.endsWith('/');

const hostile = (path: string | null, why: string): PackageProblem => ({
  kind: 'hostile_entry',
  path,
  message: path === null ? why : `Hostile entry ${JSON.stringify(path)}: ${why}.`,
});

/** Why a name could escape or confuse a folder it were extracted into, or null when it is plain. */
export function nameProblem(entry: ZipEntryInfo, limits: ZipLimits): string | null {
  const { name } = entry;
  if (!entry.nameDecoded) return 'its name is not valid text in the encoding it declares';
  if (name.length === 0) return 'it has an empty name';
  if (entry.raw.fileNameLength > limits.maxNameBytes) {
    return `its name is longer than ${limits.maxNameBytes} bytes`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'its name contains control characters';
  if (name.includes('\\')) return 'its name contains a backslash (a folder separator on Windows)';
  if (name.startsWith('/')) return 'it is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'it starts with a drive letter';
  const segments = (isFolderEntry(entry) ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return 'it climbs out of the folder with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'its name has empty or "." parts';
  return null;
}

/** Why the entry's type or declared sizes are dangerous, or null. */
export function entryProblem(entry: ZipEntryInfo, limits: ZipLimits): string | null {
  const { raw } = entry;
  const type = (raw.externalFileAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) return 'it is a symbolic link';
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    return 'it is not a regular file (a device, pipe or socket)';
  }
  if (raw.generalPurposeBitFlag & ENCRYPTED) return 'it is encrypted';
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    return `it uses compression method ${raw.compressionMethod} (only stored and deflated are read)`;
  }
  if (isFolderEntry(entry) && raw.uncompressedSize !== 0) return 'it is a folder with content';
  if (raw.compressionMethod === 0 && raw.compressedSize !== raw.uncompressedSize) {
    return `its sizes lie: stored without compression, yet ${raw.compressedSize} bytes are said to hold ${raw.uncompressedSize}`;
  }
  if (
    raw.uncompressedSize > limits.ratioFloorBytes &&
    raw.uncompressedSize > raw.compressedSize * limits.maxRatio
  ) {
    const ratio =
      raw.compressedSize === 0 ? '∞' : Math.round(raw.uncompressedSize / raw.compressedSize);
    return `it is a compression bomb: ${raw.compressedSize} bytes inflate to ${raw.uncompressedSize} (${ratio}:1, more than ${limits.maxRatio}:1)`;
  }
  return null;
}

/**
 * Every rule over the whole directory: each entry's name, type and sizes, duplicate and
 * case-colliding names, overlapping entries (one byte range read as two files, the trick of
 * non-recursive zip bombs), entries past the end of the file, and the total size.
 */
export function directoryProblems(
  entries: readonly ZipEntryInfo[],
  fileSize: number,
  limits: ZipLimits,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const entry of entries) {
    const why = nameProblem(entry, limits) ?? entryProblem(entry, limits);
    if (why) problems.push(hostile(entry.name, why));
    total += entry.raw.uncompressedSize;
    // Folder entries are implied by the files in them; `a/` and `a` still collide.
    const key = entry.name.replace(/\/$/, '').normalize('NFC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, entry.name);
    else if (earlier === entry.name) {
      problems.push(hostile(entry.name, 'the same name appears twice'));
    } else {
      problems.push(
        hostile(
          entry.name,
          `its name differs from ${JSON.stringify(earlier)} only in letter case, so one would overwrite the other on Windows and macOS`,
        ),
      );
    }
  }
  problems.push(...overlapProblems(entries, fileSize));
  if (total > limits.maxTotalBytes) {
    problems.push(
      hostile(
        null,
        `The package would unpack to ${total} bytes, more than the limit of ${limits.maxTotalBytes}: it is refused.`,
      ),
    );
  }
  return problems;
}

/** Entries whose bytes run into the next entry's header or past the end of the file. */
function overlapProblems(entries: readonly ZipEntryInfo[], fileSize: number): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const byOffset = [...entries].sort(
    (a, b) => a.raw.relativeOffsetOfLocalHeader - b.raw.relativeOffsetOfLocalHeader,
  );
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!;
    // The local header is at least 30 bytes plus the name; its extra field is only known later.
    const end = e.raw.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + e.raw.compressedSize;
    const next = byOffset[i + 1];
    if (next && next.raw.relativeOffsetOfLocalHeader < end) {
      problems.push(
        hostile(
          next.name,
          `its bytes overlap those of ${JSON.stringify(e.name)} (one stretch of the file read as two entries)`,
        ),
      );
    } else if (end > fileSize) {
      problems.push(hostile(e.name, 'its data would run past the end of the file'));
    }
  }
  return problems;
}

/** A count so large the directory is not even read. */
export function tooManyEntries(count: number, limits: ZipLimits): PackageProblem | null {
  return count > limits.maxEntries
    ? hostile(
        null,
        `The package has ${count} entries, more than the limit of ${limits.maxEntries}: it is refused.`,
      )
    : null;
}

export { hostile as hostileProblem };

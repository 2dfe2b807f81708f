/**
 * One file into the package's zip: a generated file from memory, a stored file streamed from the
 * vault's chunks. A stored file's bytes are hashed by the worker behind the writer (hash-behind.ts)
 * from the package file itself, at the data range yazl gave them, and checked against the hash the
 * vault recorded before the manifest is signed.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type yazl from 'yazl';
import { AttestError } from '../../../shared/api/errors';
import { blobChunks, getBlob } from '../../db/blobs';
import type { Vault } from '../vault/session';
import type { PackageEntry } from './entry';

/** Regular files only: 0644, so an unzipped package is readable and nothing is executable. */
export const ENTRY_MODE = 0o100644;

/** yazl's entry as far as the writer reads it (not in its types). */
interface YazlEntry {
  relativeOffsetOfLocalHeader?: number;
  utf8FileName: Buffer;
}

/** yazl's local file header: 30 fixed bytes, the name, and no extra field (yazl 3 writes none). */
const LOCAL_HEADER_FIXED = 30;

/** A stored file in the zip, whose data the hashing worker checks. */
export interface StoredEntry {
  size: number;
  /** yazl has written its local header (its offset is known). */
  started(): boolean;
  dataStart(): number;
  /** The worker's digest of its data, to compare with the recorded hash. */
  answer(digest: Promise<string>): void;
  /** Fails with `integrity` when the digest is not the recorded one. */
  check: Promise<void>;
}

/**
 * Resolves once `done()` holds (the last stored file's bytes are in the package file: yazl and
 * the file stream write asynchronously, and no event says a given byte is written).
 */
export async function until(done: () => boolean, failed: Promise<never>): Promise<void> {
  let stop = false;
  failed.catch(() => (stop = true));
  while (!stop && !done()) await new Promise((r) => setTimeout(r, 2));
}

/**
 * Adds one file to the zip. A generated file: the SHA-256 of its bytes. A stored file: its
 * recorded SHA-256 for the manifest, and a check that the bytes the zip holds have it — hashed by
 * the worker from the package file (hash-behind.ts), not on this thread while yazl streams.
 */
export async function addEntry(
  vault: Vault,
  zip: yazl.ZipFile,
  entry: PackageEntry,
  mtime: Date,
  failed: Promise<never>,
  advanced: (bytes: number) => void,
  onStored: (stored: StoredEntry) => void,
): Promise<string> {
  const options = { mtime, mode: ENTRY_MODE, compress: false };
  if ('bytes' in entry.source) {
    zip.addBuffer(entry.source.bytes, entry.path, options);
    advanced(entry.source.bytes.length);
    return createHash('sha256').update(entry.source.bytes).digest('hex');
  }
  const { blobId, size } = entry.source;
  const recorded = getBlob(vault.db, blobId);
  const mismatch = () =>
    new AttestError(
      'integrity',
      `The stored file for ${entry.evidenceId ?? entry.path} no longer matches its recorded hash; run “attest verify” on the vault. No package was saved.`,
    );
  if (recorded.size !== size) throw mismatch();
  const source = Readable.from(blobChunks(vault.db, blobId), { objectMode: false });
  const counting = new Transform({
    transform(chunk: Buffer, _enc, done) {
      advanced(chunk.length);
      done(null, chunk);
    },
  });
  const ended = new Promise<void>((resolve, reject) => {
    counting.on('end', resolve);
    counting.on('error', reject);
    source.on('error', reject);
  });
  zip.addReadStream(source.pipe(counting), entry.path, { ...options, size });
  const added = (zip as unknown as { entries: YazlEntry[] }).entries.at(-1)!;
  let answer: (digest: Promise<string>) => void = () => {};
  const check = new Promise<Promise<string>>((resolve) => (answer = resolve)).then(
    async (digest) => {
      if ((await digest) !== recorded.sha256) throw mismatch();
    },
  );
  check.catch(() => {});
  // Told before any of its bytes can reach the package file: the worker must know the range
  // before it reads past its start.
  onStored({
    size,
    started: () => added.relativeOffsetOfLocalHeader !== undefined,
    dataStart: () =>
      added.relativeOffsetOfLocalHeader! + LOCAL_HEADER_FIXED + added.utf8FileName.length,
    answer,
    check,
  });
  try {
    await Promise.race([ended, failed]);
  } finally {
    source.destroy();
  }
  return recorded.sha256;
}

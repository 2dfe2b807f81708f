import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';
import { refuseIfHeld } from './open-registry';
import { openRegularFile } from './regular-file';

/** A file opened to be stored: its descriptor and its size when opened. */
export interface BlobSource {
  path: string;
  fd: number;
  size: number;
}

/**
 * Opens a file to be stored (the caller closes `fd`). Only regular files are read (DESIGN §2):
 * never a pipe, a device or a folder; and never the vault this process holds.
 */
export function openBlobSource(filePath: string): BlobSource {
  // Never open (and so close) a descriptor on a vault this process holds: see open-registry.ts.
  refuseIfHeld(filePath, 'store');
  const { fd, stats } = openRegularFile(
    filePath,
    (what) =>
      new AttestError('validation', `${filePath} ${what}; only regular files can be stored.`, [
        { path: ['source'], message: `It ${what}; choose a file` },
      ]),
    (code) =>
      code === 'ENOENT'
        ? new AttestError('not_found', `No file at ${filePath}`)
        : new AttestError('io', `Cannot read ${filePath} (${code ?? 'unknown error'})`),
  );
  return { path: filePath, fd, size: stats.size };
}

export function changedWhileRead(filePath: string): AttestError {
  return new AttestError('io', `${filePath} changed while it was being read; nothing was stored.`);
}

/** A file read whole into memory and hashed, ready to be stored inside a transaction. */
export interface WholeFile {
  bytes: Buffer;
  sha256: string;
}

/**
 * Reads a small source whole (the caller keeps it small: the bytes are held in memory until
 * they are stored). A file that is no longer the size it had when opened — shorter, or longer:
 * one byte more is asked for — is refused, as the streamed read refuses it.
 */
export function readWholeSource(source: BlobSource): WholeFile {
  const bytes = Buffer.allocUnsafe(source.size);
  let done = 0;
  for (;;) {
    const n = readSync(source.fd, bytes, done, source.size - done, done);
    if (n === 0) break;
    done += n;
    if (done === source.size) break;
  }
  const grown = done === source.size && readSync(source.fd, Buffer.alloc(1), 0, 1, done) > 0;
  if (done !== source.size || grown) throw changedWhileRead(source.path);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

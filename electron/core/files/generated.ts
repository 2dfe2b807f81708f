import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AttestError } from '../../../shared/api/errors';

/**
 * A document Attest generates (an export, a report): its name and how to write it. Where it goes
 * is not the core's business (DESIGN §3): the caller writes it to the path the user chose
 * (desktop, CLI) or to a download waiting in the browser's staging area. Nothing generated is
 * stored in the vault.
 */
export interface GeneratedDocument {
  fileName: string;
  write(path: string, signal?: AbortSignal): Promise<void>;
}

export interface WrittenFile {
  fileName: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * Writes the document to `destination` without ever leaving half a file there: it is written
 * beside it under a hidden temporary name and renamed into place once whole (a rename within a
 * folder replaces an older file of that name, as a Save dialog's "Replace" asked for).
 */
export async function writeGenerated(
  doc: GeneratedDocument,
  destination: string,
  signal?: AbortSignal,
): Promise<WrittenFile> {
  const folder = dirname(destination);
  const st = statSync(folder, { throwIfNoEntry: false });
  if (!st?.isDirectory()) {
    throw new AttestError(
      'not_found',
      `The folder ${folder} does not exist; choose another place.`,
    );
  }
  // Saving over a file the user chose is theirs to decide; over anything else (a folder, a pipe,
  // a device: the rename would replace the node itself) never.
  const existing = statSync(destination, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    const what = existing.isDirectory()
      ? 'a folder'
      : existing.isFIFO()
        ? 'a named pipe'
        : existing.isCharacterDevice() || existing.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
    throw new AttestError('validation', `${destination} is ${what}; choose a file name.`, [
      { path: ['saveTo', 'path'], message: `This is ${what}, not a file name` },
    ]);
  }
  const temp = mkdtempSync(join(folder, `.${basename(destination)}.part-`));
  try {
    const part = join(temp, 'file');
    await doc.write(part, signal);
    if (signal?.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved.');
    const { size, sha256 } = await hashFile(part);
    renameSync(part, destination);
    return { fileName: basename(destination), path: destination, size, sha256 };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** A file-name-safe ASCII rendering of a label: "Acme Ltd." → "Acme-Ltd". */
export function fileSlug(text: string, fallback = 'export'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

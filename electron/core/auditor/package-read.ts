/**
 * Reading files out of the open audit package, each checked again on every read: the zip was
 * verified when it was opened, but it stays on disk where anything may change it. A file is read
 * only when the verified manifest lists it, and its bytes are handed on only once their SHA-256
 * and size match the manifest — a package changed since it was opened is refused (`conflict`),
 * never served.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { Manifest, ManifestFile } from '../../../shared/domain/package/manifest';
import { type OpenedZip, type ZipEntryInfo, openZip, readEntries } from '../package/zip-read';
import { isFolderEntry } from '../package/zip-rules';
import { type HashOptions, hashEntry } from '../package/zip-stream';

/** The manifest's entry for a path, or null when the package does not list it. */
export function listedFile(manifest: Manifest, path: string): ManifestFile | null {
  return manifest.files.find((f) => f.path === path) ?? null;
}

function changed(path: string, why: string): AttestError {
  return new AttestError(
    'conflict',
    `${path} in the audit package ${why} since the package was opened and verified; it is not shown. Close the package and open it again to verify it anew.`,
    { changedOnDisk: true, path },
  );
}

async function withZip<T>(
  zipPath: string,
  run: (zip: OpenedZip, byName: Map<string, ZipEntryInfo[]>) => Promise<T>,
): Promise<T> {
  let opened: OpenedZip;
  try {
    opened = await openZip(zipPath);
  } catch (e) {
    if (e instanceof AttestError && e.code !== 'not_found') throw changed('The zip', 'was changed');
    if (e instanceof AttestError) throw changed('The zip', 'was moved or deleted');
    throw e;
  }
  try {
    let entries: ZipEntryInfo[];
    try {
      entries = await readEntries(opened);
    } catch {
      throw changed('The zip', 'was changed');
    }
    const byName = new Map<string, ZipEntryInfo[]>();
    for (const e of entries) {
      if (isFolderEntry(e)) continue;
      byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    }
    return await run(opened, byName);
  } finally {
    opened.close();
  }
}

async function readChecked(
  zip: OpenedZip,
  byName: Map<string, ZipEntryInfo[]>,
  file: ManifestFile,
  options: HashOptions,
): Promise<Buffer | null> {
  const found = byName.get(file.path) ?? [];
  if (found.length !== 1)
    throw changed(file.path, found.length === 0 ? 'was removed' : 'was changed');
  const read = await hashEntry(zip, found[0]!, options);
  if (!read.ok || read.size !== file.size || read.sha256 !== file.sha256)
    throw changed(file.path, 'was changed');
  return read.bytes ?? null;
}

/**
 * Several listed files' bytes, checked, in one pass over the zip (the index CSVs). Meant for
 * small files: each is held in memory.
 */
export async function readListedFiles(
  zipPath: string,
  files: readonly ManifestFile[],
): Promise<Map<string, Buffer>> {
  return withZip(zipPath, async (zip, byName) => {
    const out = new Map<string, Buffer>();
    for (const f of files) out.set(f.path, (await readChecked(zip, byName, f, { keep: true }))!);
    return out;
  });
}

/**
 * Copies one listed file out of the zip into `dir` while checking it, and answers the copy's
 * path; the caller serves it and removes it. Nothing of a file that fails the check is kept.
 */
export async function extractListedFile(
  zipPath: string,
  file: ManifestFile,
  dir: string,
  signal?: AbortSignal,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${randomBytes(8).toString('hex')}.part`);
  const fd = openSync(target, 'wx', 0o600);
  let ok = false;
  try {
    await withZip(zipPath, (zip, byName) =>
      readChecked(zip, byName, file, { signal, onChunk: (chunk) => writeAll(fd, chunk) }),
    );
    ok = true;
    return target;
  } finally {
    closeSync(fd);
    if (!ok) rmSync(target, { force: true });
  }
}

function writeAll(fd: number, chunk: Buffer): void {
  for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
}

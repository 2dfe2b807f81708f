/**
 * One file of the open package, for the sandboxed preview and download (`/package-file/<path>`
 * in a browser, `app://attest/package-file/<path>` on the desktop). Only a path the verified
 * manifest lists is served (`not_found` otherwise), and only once its bytes were copied out and
 * checked against the manifest again (`conflict` when the zip changed since it was opened):
 * nothing unverified is ever sent. The copy is removed once streamed.
 */
import { createReadStream, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import { packagePath } from '../../../shared/domain/package/manifest';
import { servingDir } from './files';
import { extractListedFile, listedFile } from './package-read';
import type { AuditorSession } from './session';

export async function openPackageFile(
  session: AuditorSession,
  home: string,
  path: string,
): Promise<{ head: { size: number; fileName: string }; open(): AsyncIterable<Uint8Array> }> {
  const file = packagePath.safeParse(path).success ? listedFile(session.manifest, path) : null;
  if (!file) throw new AttestError('not_found', `The audit package lists no file ${path}.`);
  sweepStale(servingDir(home), Date.now());
  const copy = await extractListedFile(session.path, file, servingDir(home));
  return {
    head: { size: file.size, fileName: path.slice(path.lastIndexOf('/') + 1) },
    open: () => streamThenRemove(copy),
  };
}

/** Copies never streamed (a HEAD request, a dropped connection) older than this are removed. */
const STALE_MS = 15 * 60 * 1000;

function sweepStale(dir: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // being removed by its own stream, or still open elsewhere: left for the next sweep
    }
  }
}

async function* streamThenRemove(path: string): AsyncIterable<Uint8Array> {
  try {
    yield* createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
  } finally {
    rmSync(path, { force: true });
  }
}

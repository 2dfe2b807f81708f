/**
 * One file of the open package, for the sandboxed preview and download (`/package-file/<path>`
 * in a browser, `app://attest/package-file/<path>` on the desktop). Only a path the verified
 * manifest lists is served (`not_found` otherwise), and only once its bytes were copied out and
 * checked against the manifest again (`conflict` when the zip changed since it was opened):
 * nothing unverified is ever sent. The copy is removed once streamed.
 */
import { createReadStream, rmSync } from 'node:fs';
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
  const copy = await extractListedFile(session.path, file, servingDir(home));
  return {
    head: { size: file.size, fileName: path.slice(path.lastIndexOf('/') + 1) },
    open: () => streamThenRemove(copy),
  };
}

async function* streamThenRemove(path: string): AsyncIterable<Uint8Array> {
  try {
    yield* createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
  } finally {
    rmSync(path, { force: true });
  }
}

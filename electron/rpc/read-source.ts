import { createReadStream, statSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';
import { openPackageFile } from '../core/auditor/package-file';
import { blobReadStream, getBlob } from '../db/blobs';
import { type RpcContext, requireAuditorSession } from './context';

/**
 * Bytes a front may read out of the runtime: a stored file, a generated output waiting, or a
 * file of the audit package open in auditor mode (by its path in the package).
 */
export type ReadSource =
  | { kind: 'blob'; blobId: number }
  | { kind: 'output'; outputId: string }
  | { kind: 'package-file'; path: string };

/** What a read tells before its bytes. */
export interface ReadHead {
  size: number;
  /** Outputs only: the name Attest gave the generated file. */
  fileName?: string;
}

/**
 * Finds what a read names and how to stream it. Throws `no_vault` or `not_found` (a package file:
 * `conflict` when no package is open or the file changed since it was verified) before any byte
 * is read, so a front can still answer with a status; streaming is chunk by chunk either way.
 */
export async function openReadSource(
  ctx: RpcContext,
  source: ReadSource,
): Promise<{ head: ReadHead; open(): AsyncIterable<Uint8Array> }> {
  if (source.kind === 'package-file') {
    return openPackageFile(requireAuditorSession(ctx), ctx.home, source.path);
  }
  if (source.kind === 'blob') {
    const vault = ctx.vault;
    if (!vault) throw new AttestError('no_vault', 'No vault is open. Open one first.');
    const { size } = getBlob(vault.db, source.blobId);
    return { head: { size }, open: () => blobReadStream(vault.db, source.blobId) };
  }
  const gone = () =>
    new AttestError('not_found', 'That file is no longer waiting; export it again.');
  let output;
  try {
    output = ctx.outputs?.get(source.outputId);
  } catch {
    throw gone();
  }
  if (!output) throw gone();
  const size = statSync(output.path, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw gone();
  return {
    head: { size, fileName: output.fileName },
    open: () => createReadStream(output.path, { highWaterMark: 256 * 1024 }),
  };
}

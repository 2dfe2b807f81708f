import { createReadStream, statSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';
import { blobReadStream, getBlob } from '../db/blobs';
import type { RpcContext } from './context';

/** Bytes a front may read out of the runtime: a stored file, or a generated output waiting. */
export type ReadSource = { kind: 'blob'; blobId: number } | { kind: 'output'; outputId: string };

/** What a read tells before its bytes. */
export interface ReadHead {
  size: number;
  /** Outputs only: the name Attest gave the generated file. */
  fileName?: string;
}

/**
 * Finds what a read names and how to stream it. Throws `no_vault` or `not_found` before any byte
 * is read, so a front can still answer with a status; streaming is chunk by chunk either way.
 */
export function openReadSource(
  ctx: RpcContext,
  source: ReadSource,
): { head: ReadHead; open(): AsyncIterable<Uint8Array> } {
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

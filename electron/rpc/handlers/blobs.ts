import { AttestError } from '../../../shared/api/errors';
import type { FileSource } from '../../../shared/api/methods/blobs';
import { getBlob, putBlobFromFile } from '../../db/blobs';
import { type RpcContext, requireVault } from '../context';
import type { HandlerSlice } from './types';

/** A file source as a path on disk, plus what to do once its bytes are safely stored. */
export function sourcePath(
  ctx: RpcContext,
  source: FileSource,
): { path: string; done: () => void } {
  if ('path' in source) return { path: source.path, done: () => {} };
  if (!ctx.uploads)
    throw new AttestError('validation', 'Uploads are only accepted in browser mode');
  const upload = ctx.uploads.get(source.uploadId);
  return { path: upload.path, done: () => ctx.uploads?.release(source.uploadId) };
}

export const blobHandlers: HandlerSlice<'blobs.add' | 'blobs.get'> = {
  'blobs.add': ({ source }, ctx) => {
    const vault = requireVault(ctx);
    const { path, done } = sourcePath(ctx, source);
    const job = ctx.jobs.start(
      'blobs.add',
      'Storing a file',
      async ({ signal, progress }) => {
        const stored = await putBlobFromFile(vault.db, path, {
          now: vault.now,
          signal,
          onProgress: (p) => progress({ filesDone: 0, filesTotal: 1, ...p }),
        });
        progress({ filesDone: 1, filesTotal: 1, bytesDone: stored.size, bytesTotal: stored.size });
        return {
          blobId: stored.blobId,
          sha256: stored.sha256,
          size: stored.size,
          deduplicated: stored.deduplicated,
        };
      },
      // The staged upload goes whatever happens, even when cancelled before it started.
      { cleanup: done },
    );
    return { jobId: job.id };
  },
  'blobs.get': ({ blobId }, ctx) => {
    const b = getBlob(requireVault(ctx).db, blobId);
    return { blobId: b.id, sha256: b.sha256, size: b.size };
  },
};

import { getBlob, putBlobFromFile } from '../../db/blobs';
import { requireVault } from '../context';
import { discardUpload, startFileJob } from '../start-job';
import type { HandlerSlice } from './types';

export const blobHandlers: HandlerSlice<'blobs.add' | 'blobs.get' | 'blobs.discardUpload'> = {
  'blobs.add': ({ source }, ctx) => {
    const vault = requireVault(ctx);
    return startFileJob(
      ctx,
      'blobs.add',
      'Storing a file',
      source,
      async ({ path, signal, progress }) => {
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
      { consumeAlways: true },
    );
  },
  'blobs.get': ({ blobId }, ctx) => {
    const b = getBlob(requireVault(ctx).db, blobId);
    return { blobId: b.id, sha256: b.sha256, size: b.size };
  },
  'blobs.discardUpload': ({ uploadId }, ctx) => discardUpload(ctx, uploadId),
};

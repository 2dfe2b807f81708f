import { AttestError } from '../../../shared/api/errors';
import type { FileSource } from '../../../shared/api/methods/blobs';
import { getBlob, putBlobFromFile } from '../../db/blobs';
import { type RpcContext, requireVault } from '../context';
import type { UploadStaging } from '../uploads';
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

/** How many running jobs read each staged upload, and whether it was discarded meanwhile. */
interface Hold {
  jobs: number;
  discard: boolean;
}
const holds = new WeakMap<UploadStaging, Map<string, Hold>>();

/**
 * Keeps a staged upload for a job that reads it: a discard asked for meanwhile waits for the
 * job's end. Returns the release, for the job's cleanup (it runs once, whatever the outcome).
 */
export function holdUpload(ctx: RpcContext, source: FileSource): () => void {
  const uploads = ctx.uploads;
  if ('path' in source || !uploads) return () => {};
  const id = source.uploadId;
  let held = holds.get(uploads);
  if (!held) holds.set(uploads, (held = new Map()));
  const hold = held.get(id) ?? { jobs: 0, discard: false };
  hold.jobs++;
  held.set(id, hold);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--hold.jobs > 0) return;
    held.delete(id);
    if (hold.discard) uploads.release(id);
  };
}

function isStaged(uploads: UploadStaging, id: string): boolean {
  try {
    uploads.get(id);
    return true;
  } catch {
    return false; // already used, discarded, or never staged
  }
}

/** A staged upload that will not be used: removed now, or when the job reading it ends. */
export function discardUpload(
  ctx: RpcContext,
  uploadId: string,
): { outcome: 'discarded' | 'after_job' | 'not_staged' } {
  const uploads = ctx.uploads;
  if (!uploads || !isStaged(uploads, uploadId)) return { outcome: 'not_staged' };
  const hold = holds.get(uploads)?.get(uploadId);
  if (hold) {
    hold.discard = true;
    return { outcome: 'after_job' };
  }
  uploads.release(uploadId);
  return { outcome: 'discarded' };
}

export const blobHandlers: HandlerSlice<'blobs.add' | 'blobs.get' | 'blobs.discardUpload'> = {
  'blobs.add': ({ source }, ctx) => {
    const vault = requireVault(ctx);
    const { path, done } = sourcePath(ctx, source);
    const unhold = holdUpload(ctx, source);
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
      {
        cleanup: () => {
          done();
          unhold();
        },
      },
    );
    return { jobId: job.id };
  },
  'blobs.get': ({ blobId }, ctx) => {
    const b = getBlob(requireVault(ctx).db, blobId);
    return { blobId: b.id, sha256: b.sha256, size: b.size };
  },
  'blobs.discardUpload': ({ uploadId }, ctx) => discardUpload(ctx, uploadId),
};

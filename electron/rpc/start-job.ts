import { AttestError } from '../../shared/api/errors';
import { type JobMethodName, type JobResult, methods } from '../../shared/api/index';
import type { FileSource } from '../../shared/api/methods/blobs';
import { type RpcContext, announceChange } from './context';
import { type GeneratedDocument, hashFile, writeGenerated } from '../core/files/generated';
import type { JobContext } from './jobs';
import { recordWitness } from './upkeep';

/**
 * Starts the job behind a job method (DESIGN §2), typed against the contract: the runner must
 * produce exactly the method's `jobResult`. When it succeeds, the domains the method touches are
 * announced (`vault.changed`), so screens refresh once the work is really done.
 */
export function startJob<M extends JobMethodName>(
  ctx: RpcContext,
  method: M,
  label: string,
  run: (job: JobContext) => Promise<JobResult<M>>,
  options: { cleanup?: () => void } = {},
): { jobId: string } {
  const def = methods[method];
  const touches = def.touches ?? [];
  const job = ctx.jobs.start(method, label, run, {
    ...options,
    onSucceeded: () => {
      announceChange(ctx, touches);
      // After a job that changed the vault, its chain head goes to the witness at once.
      if (def.mutates && ctx.vault) recordWitness(ctx, ctx.vault, 'job');
    },
  });
  return { jobId: job.id };
}

/** How a file job's runner consumes its source once the bytes are safely used. */
export interface FileJobContext extends JobContext {
  /** The file to read: the user's own path, or the staged upload. */
  path: string;
  /** Marks a staged upload as used: it is removed when the job ends (kept if never called). */
  consume(): void;
}

/**
 * A job that reads a file source. A staged upload (browser mode) belongs to the job for its whole
 * life: a discard asked for meanwhile (`blobs.discardUpload`) waits until the job has ended, so
 * no file is ever pulled from under a running job. The upload is removed at the end if the runner
 * consumed it (or `consumeAlways`), and kept for another try otherwise.
 */
export function startFileJob<M extends JobMethodName>(
  ctx: RpcContext,
  method: M,
  label: string,
  source: FileSource,
  run: (job: FileJobContext) => Promise<JobResult<M>>,
  options: { consumeAlways?: boolean } = {},
): { jobId: string } {
  const { path, uploadId } = resolveSource(ctx, source);
  let consumed = options.consumeAlways ?? false;
  const release = uploadId === null ? () => {} : holdUpload(ctx, uploadId);
  return startJob(
    ctx,
    method,
    label,
    (job) => run({ ...job, path, consume: () => (consumed = true) }),
    {
      cleanup: () => {
        release();
        if (consumed && uploadId !== null) ctx.uploads?.release(uploadId);
      },
    },
  );
}

/** A file source as a path on disk (the dispatcher has already checked a local path's rules). */
export function resolveSource(
  ctx: RpcContext,
  source: FileSource,
): { path: string; uploadId: string | null } {
  if ('path' in source) return { path: source.path, uploadId: null };
  if (!ctx.uploads) {
    throw new AttestError('validation', 'Uploads are only accepted in browser mode');
  }
  return { path: ctx.uploads.get(source.uploadId).path, uploadId: source.uploadId };
}

/** Keeps a staged upload while a job reads it; returns the release, idempotent. */
export function holdUpload(ctx: RpcContext, uploadId: string): () => void {
  const holds = ctx.state.uploadHolds;
  const hold = holds.get(uploadId) ?? { jobs: 0, discard: false };
  hold.jobs++;
  holds.set(uploadId, hold);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--hold.jobs > 0) return;
    holds.delete(uploadId);
    if (hold.discard) ctx.uploads?.release(uploadId);
  };
}

/** A staged upload that will not be used: removed now, or when the job reading it ends. */
export function discardUpload(
  ctx: RpcContext,
  uploadId: string,
): { outcome: 'discarded' | 'after_job' | 'not_staged' } {
  const uploads = ctx.uploads;
  if (!uploads?.has(uploadId)) return { outcome: 'not_staged' };
  const hold = ctx.state.uploadHolds.get(uploadId);
  if (hold) {
    hold.discard = true;
    return { outcome: 'after_job' };
  }
  uploads.release(uploadId);
  return { outcome: 'discarded' };
}

/**
 * A job that generates a file (an export, a report): written to `saveTo` when the caller named a
 * place (desktop Save dialog, CLI `--out`), else kept for the browser to download
 * (`GET /outputs/<id>`). Never stored in the vault. The runner produces the document; its writing,
 * hashing and placing are done here, once, for every generated file.
 */
export function startOutputJob<M extends JobMethodName>(
  ctx: RpcContext,
  method: M,
  label: string,
  saveTo: { path: string } | undefined,
  produce: (job: JobContext) => Promise<GeneratedDocument>,
): { jobId: string } {
  if (!saveTo && !ctx.outputs) {
    throw new AttestError('validation', 'Choose where to save the file.', [
      { path: ['saveTo'], message: 'Choose where to save the file' },
    ]);
  }
  return startJob(ctx, method, label, async (job) => {
    const doc = await produce(job);
    if (saveTo) {
      const written = await writeGenerated(doc, saveTo.path, job.signal);
      return { ...written, savedTo: written.path, download: null } as unknown as JobResult<M>;
    }
    const output = ctx.outputs!.reserve(doc.fileName);
    try {
      await doc.write(output.path, job.signal);
      if (job.signal.aborted) throw new AttestError('cancelled', 'Cancelled; nothing was saved.');
      const { size, sha256 } = await hashFile(output.path);
      return {
        fileName: output.fileName,
        size,
        sha256,
        savedTo: null,
        download: `/outputs/${output.id}`,
      } as unknown as JobResult<M>;
    } catch (e) {
      ctx.outputs!.release(output.id);
      throw e;
    }
  });
}

import type { PackageExportResult } from '../../../shared/api/package';
import { AttestError } from '../../../shared/api/errors';
import { fileSlug } from '../../core/files/generated';
import { latestAuditTime } from '../../db/repos/package';
import { readPreviousPackage } from '../../core/package/delta';
import { packageSigner } from '../../core/package/signing';
import { type PackageSaved, exportPackage } from '../../core/package/writer';
import { getEngagement } from '../../core/vault/engagement';
import { requireVault } from '../context';
import { holdUpload, resolveSource, startJob } from '../start-job';
import type { HandlerSlice } from './types';

export const packageHandlers: HandlerSlice<'package.export'> = {
  'package.export': ({ saveTo, since, ...options }, ctx) => {
    const vault = requireVault(ctx);
    if (!saveTo && !ctx.outputs) {
      throw new AttestError('validation', 'Choose where to save the package.', [
        { path: ['saveTo'], message: 'Choose where to save the package' },
      ]);
    }
    const engagement = getEngagement(vault);
    const day = latestAuditTime(vault.db).slice(0, 10);
    const slug = fileSlug(engagement.client || engagement.name, 'engagement');
    const fileName = `Audit-Package_${slug}_${day}${since ? '_delta' : ''}.zip`;
    // The earlier package of a delta: a granted path, or a browser's upload, held by the job
    // while it runs and used up when it ends (it is read once, to verify and compare).
    const previous = since ? resolveSource(ctx, since) : null;
    const release = previous?.uploadId ? holdUpload(ctx, previous.uploadId) : () => {};
    const cleanup = () => {
      release();
      if (previous?.uploadId) ctx.uploads?.release(previous.uploadId);
    };
    const label = since ? 'Exporting a delta package' : 'Exporting the audit package';
    try {
      return startJob(
        ctx,
        'package.export',
        label,
        async (job) => {
          const run = {
            signal: job.signal,
            progress: (p: Parameters<typeof job.progress>[0]) => job.progress(p),
          };
          let sinceRead = null;
          if (previous && since) {
            job.progress({ step: 'Verifying the earlier package' });
            sinceRead = await readPreviousPackage(
              vault.db,
              packageSigner(vault.db).fingerprint,
              previous.path,
              {
                signal: job.signal,
                ...('fileName' in since && since.fileName ? { fileName: since.fileName } : {}),
                ...('uploadId' in since && !since.fileName
                  ? { fileName: 'the earlier package' }
                  : {}),
              },
            );
          }
          const all = { ...options, since: sinceRead };
          if (saveTo) {
            const saved = await exportPackage(vault, saveTo.path, all, run);
            return result(saved, saved.path, null);
          }
          // A browser downloads it: written into the staging area, under the same rules.
          const output = ctx.outputs!.reserve(fileName);
          try {
            const saved = await exportPackage(vault, output.path, all, run);
            return result({ ...saved, fileName: output.fileName }, null, `/outputs/${output.id}`);
          } catch (e) {
            ctx.outputs!.release(output.id);
            throw e;
          }
        },
        { cleanup },
      );
    } catch (e) {
      cleanup();
      throw e;
    }
  },
};

function result(
  saved: Pick<PackageSaved, 'fileName' | 'size' | 'sha256' | 'files' | 'fingerprint' | 'delta'>,
  savedTo: string | null,
  download: string | null,
): PackageExportResult {
  return {
    fileName: saved.fileName,
    size: saved.size,
    sha256: saved.sha256,
    savedTo,
    download,
    files: saved.files,
    fingerprint: saved.fingerprint,
    delta: saved.delta,
  };
}

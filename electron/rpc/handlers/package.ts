import type { PackageExportResult } from '../../../shared/api/package';
import { AttestError } from '../../../shared/api/errors';
import { fileSlug } from '../../core/files/generated';
import { latestAuditTime } from '../../db/repos/package';
import { exportPackage } from '../../core/package/writer';
import { getEngagement } from '../../core/vault/engagement';
import { requireVault } from '../context';
import { startJob } from '../start-job';
import type { HandlerSlice } from './types';

export const packageHandlers: HandlerSlice<'package.export'> = {
  'package.export': ({ saveTo, ...options }, ctx) => {
    const vault = requireVault(ctx);
    if (!saveTo && !ctx.outputs) {
      throw new AttestError('validation', 'Choose where to save the package.', [
        { path: ['saveTo'], message: 'Choose where to save the package' },
      ]);
    }
    const engagement = getEngagement(vault);
    const fileName = `Audit-Package_${fileSlug(engagement.client || engagement.name, 'engagement')}_${latestAuditTime(vault.db).slice(0, 10)}.zip`;
    return startJob(ctx, 'package.export', 'Exporting the audit package', async (job) => {
      const run = {
        signal: job.signal,
        progress: (p: Parameters<typeof job.progress>[0]) => job.progress(p),
      };
      if (saveTo) {
        const saved = await exportPackage(vault, saveTo.path, options, run);
        return result(saved, saved.path, null);
      }
      // A browser downloads it: written into the staging area, under the same rules.
      const output = ctx.outputs!.reserve(fileName);
      try {
        const saved = await exportPackage(vault, output.path, options, run);
        return result({ ...saved, fileName: output.fileName }, null, `/outputs/${output.id}`);
      } catch (e) {
        ctx.outputs!.release(output.id);
        throw e;
      }
    });
  },
};

function result(
  saved: { fileName: string; size: number; sha256: string; files: number; fingerprint: string },
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
  };
}

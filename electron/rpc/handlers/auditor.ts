import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import type { Manifest } from '../../../shared/domain/package/manifest';
import { servingDir } from '../../core/auditor/files';
import { newSession } from '../../core/auditor/session';
import { verifyPackage } from '../../core/package/verify-package';
import { type RpcContext, announceChange } from '../context';
import { startFileJob } from '../start-job';
import type { HandlerSlice } from './types';

export const auditorHandlers: HandlerSlice<
  'auditor.openPackage' | 'auditor.closePackage' | 'auditor.package'
> = {
  // The package is verified FIRST, every time it is opened: a package that fails is answered with
  // its report and never opened, so nothing of it is shown. The zip stays where it is.
  'auditor.openPackage': ({ source }, ctx) => {
    if (ctx.vault) {
      throw new AttestError(
        'conflict',
        'Close the vault before opening an audit package: auditor mode works with no vault open.',
      );
    }
    const label =
      'path' in source ? `Opening ${basename(source.path)}` : 'Opening the audit package';
    return startFileJob(
      ctx,
      'auditor.openPackage',
      label,
      source,
      async (job) => {
        // A browser's upload is staged for one use: it is copied under ATTEST_HOME first, so the
        // zip the session reads stays put. A local path is read where it is.
        const path =
          'path' in source
            ? resolve(source.path)
            : keepUpload(ctx.home, job.path, ctx.ids.next('pkg'));
        // The manifest the verifier read is the one kept: the zip is never trusted to give the
        // same bytes again.
        let read: { manifest: Manifest; sha256: string } | null = null;
        const report = await verifyPackage(path, {
          signal: job.signal,
          onProgress: job.progress,
          onManifest: (manifest, bytes) => {
            read = { manifest, sha256: createHash('sha256').update(bytes).digest('hex') };
          },
        });
        const kept = read as { manifest: Manifest; sha256: string } | null;
        if (!report.verified || !report.manifest || !report.fingerprint || !kept) {
          if (!('path' in source)) rmSync(path, { force: true });
          return { opened: false, report, package: null };
        }
        // A vault opened while the check ran would break "no vault while a package is open".
        if (ctx.vault) {
          if (!('path' in source)) rmSync(path, { force: true });
          throw new AttestError(
            'conflict',
            'A vault was opened meanwhile; close it and try again.',
          );
        }
        const { engagement, delta } = kept.manifest;
        const opened: OpenPackageInfo = {
          path,
          engagement: engagement.name,
          client: engagement.client,
          type: engagement.type,
          periodStart: engagement.periodStart,
          periodEnd: engagement.periodEnd,
          asOf: engagement.asOf,
          generatedAt: report.manifest.generatedAt,
          fingerprint: report.fingerprint,
          manifestSha256: kept.sha256,
          filesChecked: report.filesChecked,
          report,
          delta: delta
            ? {
                previousGeneratedAt: delta.previousGeneratedAt,
                counts: delta.counts,
                removed: delta.removed,
              }
            : null,
        };
        forgetPackage(ctx);
        ctx.state.auditorPackage = opened;
        ctx.state.auditorSession = newSession(path, kept.manifest, kept.sha256);
        announceChange(ctx, ['auditor']);
        return { opened: true, report, package: opened };
      },
      { consumeAlways: true },
    );
  },
  'auditor.closePackage': (_input, ctx) => {
    const was = ctx.state.auditorPackage !== null;
    forgetPackage(ctx);
    if (was) announceChange(ctx, ['auditor']);
    return { closed: was };
  },
  'auditor.package': (_input, ctx) => ctx.state.auditorPackage,
};

/** Where the copies of uploaded packages are kept while they are open. */
const keptDir = (home: string) => join(home, 'auditor', 'packages');

/**
 * Closes the open package, if any. An uploaded package's copy goes with it (the browser
 * uploads it again to reopen it; a package opened by its path is never touched).
 */
function forgetPackage(ctx: RpcContext): void {
  const open = ctx.state.auditorPackage;
  ctx.state.auditorPackage = null;
  ctx.state.auditorSession = null;
  rmSync(servingDir(ctx.home), { recursive: true, force: true });
  if (open && dirname(open.path) === keptDir(ctx.home)) rmSync(open.path, { force: true });
}

function keepUpload(home: string, staged: string, id: string): string {
  const dir = keptDir(home);
  mkdirSync(dir, { recursive: true });
  const kept = join(dir, `${id}.zip`);
  copyFileSync(staged, kept);
  return kept;
}

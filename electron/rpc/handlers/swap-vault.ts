import { DOMAINS } from '../../../shared/api/domains';
import { AttestError } from '../../../shared/api/errors';
import type { JobResult } from '../../../shared/api/index';
import type { JobProgress } from '../../../shared/api/jobs';
import { closeVault, type Vault } from '../../core/vault/session';
import { type RpcContext, requireVault } from '../context';
import { startJob } from '../start-job';
import { waitForBackups } from '../upkeep';

/** Replacing the vault file runs alone; only a backup under way is waited for. */
export function refuseWhileBusy(ctx: RpcContext, what: string): void {
  const busy = ctx.jobs.list(['queued', 'running']).find((j) => j.kind !== 'vault.backup');
  if (busy) {
    throw new AttestError(
      'conflict',
      `Wait for “${busy.label}” to finish (or cancel it), then ${what}.`,
    );
  }
}

export interface SwapJob {
  signal: AbortSignal;
  onProgress(p: JobProgress): void;
  /** Cancels any job started meanwhile: it would run on the file that is about to go. */
  beforeSwap(): Promise<void>;
}

/**
 * Compact and restore as a job that runs alone: refused while other jobs run, a backup under way
 * finishes first (it reads the file about to be replaced), and the new file takes the open
 * vault's place (`swapOpenVault`).
 */
export function startSwapJob<M extends 'vault.compact' | 'vault.restoreBackup'>(
  ctx: RpcContext,
  method: M,
  text: { label: string; refusedWhileBusy: string },
  announce: 'reopened' | 'same vault',
  swap: (vault: Vault, job: SwapJob) => Promise<{ vault: Vault; result: JobResult<M> }>,
): { jobId: string } {
  const vault = requireVault(ctx);
  refuseWhileBusy(ctx, text.refusedWhileBusy);
  let jobId = '';
  const job = startJob(ctx, method, text.label, async ({ signal, progress }) => {
    await waitForBackups(ctx);
    return swapOpenVault(
      ctx,
      vault,
      () =>
        swap(vault, {
          signal,
          onProgress: progress,
          beforeSwap: () => ctx.jobs.cancelAll(jobId),
        }),
      announce,
    );
  });
  jobId = job.jobId;
  return job;
}

/**
 * Compact and restore replace the open vault's file and reopen it under its name. Once swapped,
 * the new connection takes the old one's place if the window still has that vault open (else it
 * is simply closed); `reopened` says whether to announce it as a new opening (a restore: what a
 * window read from the old file is stale). If the swap happened but the reopen failed (another
 * program took the vault in that instant), the vault is announced closed.
 */
export async function swapOpenVault<R>(
  ctx: RpcContext,
  vault: Vault,
  swap: () => Promise<{ vault: Vault; result: R }>,
  announce: 'reopened' | 'same vault',
): Promise<R> {
  try {
    const done = await swap();
    if (ctx.vault !== vault) {
      closeVault(done.vault);
      return done.result;
    }
    ctx.vault = done.vault;
    if (announce === 'reopened') {
      ctx.openId = ctx.ids.next('open');
      ctx.events.emit('vault.changed', {
        openId: ctx.openId,
        path: done.vault.path,
        reason: 'opened',
        domains: [...DOMAINS],
      });
    }
    return done.result;
  } catch (e) {
    if (!vault.db.sqlite.open && ctx.vault === vault) {
      ctx.vault = null;
      ctx.openId = null;
      ctx.events.emit('vault.changed', {
        openId: null,
        path: null,
        reason: 'closed',
        domains: [...DOMAINS],
      });
    }
    throw e;
  }
}

import { DOMAINS } from '../../../shared/api/domains';
import { backupsFolder, listBackups, toBackup } from '../../core/vault/backups';
import { restoreBackup } from '../../core/vault/restore';
import { closeVault } from '../../core/vault/session';
import { acceptHead, consultWitness, vaultFingerprint } from '../../core/vault/witness';
import { chainHead } from '../../db/audit';
import { type RpcContext, requireVault } from '../context';
import { startJob } from '../start-job';
import { startBackup, waitForBackups } from '../upkeep';
import type { HandlerSlice } from './types';
import { refuseWhileBusy } from './vault';

export const vaultHistoryHandlers: HandlerSlice<
  'vault.witness' | 'vault.acceptWitness' | 'vault.backups' | 'vault.backup' | 'vault.restoreBackup'
> = {
  'vault.witness': (_input, ctx) => consultWitness(ctx.witness, requireVault(ctx).db),
  'vault.acceptWitness': (_input, ctx) => {
    const vault = requireVault(ctx);
    return acceptHead(ctx.witness, vault.db, {
      event: 'accept',
      file: vault.path,
      now: ctx.clock.now(),
    });
  },
  'vault.backups': (_input, ctx) => {
    const vault = requireVault(ctx);
    const fingerprint = vaultFingerprint(vault.db);
    const head = chainHead(vault.db);
    return {
      folder: backupsFolder(ctx.backupsRoot, fingerprint),
      items: listBackups(ctx.backupsRoot, fingerprint).map((b) => toBackup(b, head)),
    };
  },
  'vault.backup': (_input, ctx) => startBackup(ctx, requireVault(ctx), 'manual'),
  'vault.restoreBackup': ({ id }, ctx) => startRestore(ctx, id),
};

/**
 * Restore runs alone, like Compact: a backup under way finishes first, other jobs must have
 * ended, and any started meanwhile are cancelled before the swap. The vault is announced as
 * opened again (a new openId): everything a window read from the replaced file is stale.
 */
function startRestore(ctx: RpcContext, id: string): { jobId: string } {
  const vault = requireVault(ctx);
  refuseWhileBusy(ctx, 'restore a backup');
  let jobId = '';
  const job = startJob(
    ctx,
    'vault.restoreBackup',
    'Restoring a backup',
    async ({ signal, progress }) => {
      await waitForBackups(ctx);
      try {
        const done = await restoreBackup(vault, ctx.backupsRoot, id, {
          witness: ctx.witness,
          signal,
          onProgress: progress,
          app: ctx.app,
          beforeSwap: () => ctx.jobs.cancelAll(jobId),
        });
        if (ctx.vault === vault) {
          ctx.vault = done.vault;
          ctx.openId = ctx.ids.next('open');
          ctx.events.emit('vault.changed', {
            openId: ctx.openId,
            path: done.vault.path,
            reason: 'opened',
            domains: [...DOMAINS],
          });
        } else {
          closeVault(done.vault);
        }
        return done.result;
      } catch (e) {
        // Swapped but not reopened (another program took the vault in that instant).
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
    },
  );
  jobId = job.jobId;
  return job;
}

import { backupsFolder, listBackups, toBackup } from '../../core/vault/backups';
import { restoreBackup } from '../../core/vault/restore';
import { acceptHead, consultWitness, vaultFingerprint } from '../../core/vault/witness';
import { chainHead } from '../../db/audit';
import { type RpcContext, requireVault } from '../context';
import { startSwapJob } from './swap-vault';
import { startBackup } from '../upkeep';
import type { HandlerSlice } from './types';

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
  return startSwapJob(
    ctx,
    'vault.restoreBackup',
    { label: 'Restoring a backup', refusedWhileBusy: 'restore a backup' },
    'reopened',
    (vault, job) =>
      restoreBackup(vault, ctx.backupsRoot, id, { ...job, witness: ctx.witness, app: ctx.app }),
  );
}

import type { WitnessEvent } from '../../shared/api/witness';
import { backupDue, createBackup, listBackups, toBackup } from '../core/vault/backups';
import type { Vault } from '../core/vault/session';
import { recordHead, vaultFingerprint } from '../core/vault/witness';
import { chainHead } from '../db/audit';
import type { RpcContext } from './context';
import { startJob } from './start-job';

/**
 * What the runtime does for the open vault by itself: it records the audit chain's head in the
 * witness (at open, at close, after a job, and a few seconds after the last change — never a
 * file write per keystroke), and makes the automatic backups (at open, and daily while open).
 * None of this may fail the user's own work: a failure is logged.
 */

/** The witness is written this long after the last change. */
export const WITNESS_DELAY_MS = 3000;
/** How often an open vault checks whether its daily backup is due. */
export const BACKUP_CHECK_MS = 60 * 60 * 1000;

const BACKUP_JOB = 'vault.backup';
/** Jobs that replace the vault file: no automatic backup starts while one is under way. */
const REPLACING = new Set(['vault.compact', 'vault.restoreBackup']);

export function recordWitness(ctx: RpcContext, vault: Vault, event: WitnessEvent): void {
  cancelWitnessTimer(ctx);
  // A long transaction (an import) is under way: its head is not the vault's until it commits.
  if (vault.db.sqlite.inTransaction) {
    recordWitnessSoon(ctx);
    return;
  }
  try {
    recordHead(ctx.witness, vault.db, { event, file: vault.path, now: ctx.clock.now() });
  } catch (e) {
    ctx.logger.warn('could not record the audit chain head in the witness', {
      event,
      error: String(e),
    });
  }
}

/** After a change: the head is recorded once changes have paused for WITNESS_DELAY_MS. */
export function recordWitnessSoon(ctx: RpcContext): void {
  if (!ctx.vault) return;
  cancelWitnessTimer(ctx);
  const timer = setTimeout(() => {
    ctx.state.witnessTimer = null;
    if (ctx.vault) recordWitness(ctx, ctx.vault, 'change');
  }, WITNESS_DELAY_MS);
  timer.unref();
  ctx.state.witnessTimer = timer;
}

function cancelWitnessTimer(ctx: RpcContext): void {
  if (ctx.state.witnessTimer) clearTimeout(ctx.state.witnessTimer);
  ctx.state.witnessTimer = null;
}

/** A vault was just opened (or created): record its head, back it up, watch for the day. */
export function startUpkeep(ctx: RpcContext, vault: Vault, how: 'create' | 'open'): void {
  recordWitness(ctx, vault, how);
  if (!ctx.automaticBackups) return;
  // A new vault holds nothing yet worth a copy; an opened one is backed up as it was found.
  if (how === 'open') maybeBackUp(ctx, 'open');
  if (ctx.state.backupTimer) clearInterval(ctx.state.backupTimer);
  const timer = setInterval(() => maybeBackUp(ctx, 'daily'), BACKUP_CHECK_MS);
  timer.unref();
  ctx.state.backupTimer = timer;
}

/** The vault is closing (its jobs have stopped): its last head goes to the witness. */
export function stopUpkeep(ctx: RpcContext, vault: Vault): void {
  if (ctx.state.backupTimer) clearInterval(ctx.state.backupTimer);
  ctx.state.backupTimer = null;
  recordWitness(ctx, vault, 'close');
}

/** Starts an automatic backup when one is due and nothing else is copying the vault. */
export function maybeBackUp(ctx: RpcContext, reason: 'open' | 'daily'): { jobId: string } | null {
  const vault = ctx.vault;
  if (!vault) return null;
  const active = ctx.jobs.list(['queued', 'running']);
  if (active.some((j) => j.kind === BACKUP_JOB || REPLACING.has(j.kind))) return null;
  try {
    const newest = listBackups(ctx.backupsRoot, vaultFingerprint(vault.db))[0];
    if (!backupDue(newest, chainHead(vault.db), ctx.clock.now(), reason)) return null;
  } catch (e) {
    ctx.logger.warn('could not read the backups folder', { error: String(e) });
    return null;
  }
  return startBackup(ctx, vault, reason);
}

/** "Back up now", or an automatic backup: a job; one already under way is returned instead. */
export function startBackup(
  ctx: RpcContext,
  vault: Vault,
  reason: 'open' | 'daily' | 'manual',
): { jobId: string } {
  const running = ctx.jobs.list(['queued', 'running']).find((j) => j.kind === BACKUP_JOB);
  if (running) return { jobId: running.id };
  return startJob(ctx, BACKUP_JOB, 'Backing up the vault', async ({ signal, progress }) => {
    const stored = await createBackup(vault, ctx.backupsRoot, {
      reason,
      signal,
      onProgress: progress,
      witness: ctx.witness,
    });
    return toBackup(stored, chainHead(vault.db));
  });
}

/** Lets a backup under way finish before the vault file is replaced (Compact, restore). */
export async function waitForBackups(ctx: RpcContext): Promise<void> {
  const pending = ctx.jobs.list(['queued', 'running']).filter((j) => j.kind === BACKUP_JOB);
  await Promise.all(pending.map((j) => ctx.jobs.wait(j.id)));
}

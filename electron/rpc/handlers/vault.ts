import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { DOMAINS } from '../../../shared/api/domains';
import { AttestError } from '../../../shared/api/errors';
import type { DEMO_SCALES } from '../../../shared/api/vault';
import { buildDemoVault } from '../../core/demo/demo';
import { buildLargeDemoVault } from '../../core/demo/demo-large';
import { applyScope } from '../../core/scope/apply-scope';
import { compactVault, saveCopy, vaultStorage } from '../../core/vault/compact';
import { getEngagement } from '../../core/vault/engagement';
import { vaultInfo } from '../../core/vault/info';
import { nextEngagement, rollForward } from '../../core/vault/roll-forward';
import type { RollForwardChoices } from '../../../shared/api/roll-forward';
import { closeVault, createVault, openVault, type Vault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { recordHead } from '../../core/vault/witness';
import { readClosedVault } from '../../db/online-backup';
import { verifyVaultFile } from '../../core/vault/verify-file';
import { heldBy } from '../../db/open-registry';
import { forgetRecent, listRecent, rememberRecent } from '../../platform/recent';
import { type RpcContext, requireVault } from '../context';
import { startSwapJob } from './swap-vault';
import { startJob } from '../start-job';
import { startUpkeep, stopUpkeep } from '../upkeep';
import { resolveVaultFile, vaultsInHome } from './files';
import type { HandlerSlice } from './types';

type DemoScale = (typeof DEMO_SCALES)[number];

/**
 * Opening, creating and closing a vault run one at a time: two concurrent opens must not both
 * replace the current vault (the loser would stay open, and locked, for the life of the process).
 */
function serialised<T>(ctx: RpcContext, work: () => Promise<T>): Promise<T> {
  const next = ctx.state.vaultSwitch.then(work, work);
  ctx.state.vaultSwitch = next.catch(() => undefined);
  return next;
}

/** `exceptJobId`: the job doing the replacing (a demo being built), which must not wait for itself. */
async function replaceOpenVault(
  ctx: RpcContext,
  next: Vault,
  how: 'create' | 'open',
  exceptJobId?: string,
): Promise<void> {
  if (ctx.vault && ctx.vault !== next) await closeCurrent(ctx, exceptJobId);
  ctx.vault = next;
  ctx.openId = ctx.ids.next('open');
  startUpkeep(ctx, next, how);
  try {
    rememberRecent(ctx.home, {
      path: next.path,
      name: vaultInfo(next).engagement.name,
      openedAt: ctx.clock.now(),
    });
  } catch (e) {
    // The recent list is a convenience; failing to update it must not fail the open.
    ctx.logger.warn('could not update the recent-vaults list', { error: String(e) });
  }
  ctx.events.emit('vault.changed', {
    openId: ctx.openId,
    path: next.path,
    reason: 'opened',
    domains: [...DOMAINS],
  });
}

export async function closeCurrent(ctx: RpcContext, exceptJobId?: string): Promise<boolean> {
  const vault = ctx.vault;
  if (!vault) return false;
  // Detach first, so nothing new starts on a vault that is closing.
  ctx.vault = null;
  ctx.openId = null;
  await ctx.jobs.cancelAll(exceptJobId);
  stopUpkeep(ctx, vault);
  closeVault(vault);
  ctx.events.emit('vault.changed', {
    openId: null,
    path: null,
    reason: 'closed',
    domains: [...DOMAINS],
  });
  return true;
}

export const vaultHandlers: HandlerSlice<
  | 'vault.create'
  | 'vault.open'
  | 'vault.close'
  | 'vault.info'
  | 'vault.createDemo'
  | 'vault.verify'
  | 'vault.verifyFile'
  | 'vault.storage'
  | 'vault.compact'
  | 'vault.saveCopy'
  | 'vault.rollForward'
  | 'vault.recent'
  | 'vault.forgetRecent'
  | 'vault.available'
> = {
  'vault.create': ({ file, engagement, confirmScope }, ctx) =>
    serialised(ctx, async () => {
      const path = resolveVaultFile(ctx.home, file);
      const vault = await createVault(path, engagement, {
        app: ctx.app,
        clock: ctx.clock,
        ids: ctx.ids,
        populate: confirmScope ? (building) => void applyScope(building) : undefined,
      });
      await replaceOpenVault(ctx, vault, 'create');
      return vaultInfo(vault);
    }),
  'vault.open': async ({ file }, ctx) => {
    const path = resolveVaultFile(ctx.home, file);
    return serialised(ctx, async () => {
      // The same file under any name (a symlink, another spelling) is the open vault.
      if (ctx.vault && heldBy(path)?.path === ctx.vault.path) return vaultInfo(ctx.vault);
      const vault = await openVault(path, { app: ctx.app, clock: ctx.clock, ids: ctx.ids });
      await replaceOpenVault(ctx, vault, 'open');
      return vaultInfo(vault);
    });
  },
  'vault.close': (_input, ctx) =>
    serialised(ctx, async () => ({ closed: await closeCurrent(ctx) })),
  'vault.createDemo': ({ file, scale }, ctx) => startCreateDemo(ctx, file, scale),
  'vault.info': (_input, ctx) => vaultInfo(requireVault(ctx)),
  'vault.verify': (_input, ctx) => {
    const vault = requireVault(ctx);
    return startJob(ctx, 'vault.verify', 'Verifying the vault', ({ signal, progress }) =>
      verifyVault(vault, { signal, onProgress: progress, witness: ctx.witness }),
    );
  },
  'vault.verifyFile': ({ file, acceptWitness }, ctx) => {
    const path = resolveVaultFile(ctx.home, file);
    return startJob(
      ctx,
      'vault.verifyFile',
      `Verifying ${basename(path)}`,
      ({ signal, progress }) =>
        verifyVaultFile(path, {
          signal,
          onProgress: progress,
          now: ctx.clock.now,
          witness: ctx.witness,
          acceptWitness,
        }),
    );
  },
  'vault.storage': (_input, ctx) => vaultStorage(requireVault(ctx)),
  'vault.compact': (_input, ctx) => startCompact(ctx),
  'vault.saveCopy': async ({ file }, ctx) => {
    const path = resolveVaultFile(ctx.home, file);
    const vault = requireVault(ctx);
    await saveCopy(vault, path);
    witnessNewFile(ctx, path, 'copy');
    return { path };
  },
  'vault.rollForward': ({ file, ...choices }, ctx) => startRollForward(ctx, file, choices),
  'vault.recent': (_input, ctx) => ({ items: listRecent(ctx.home) }),
  'vault.forgetRecent': ({ path }, ctx) => ({ items: forgetRecent(ctx.home, path) }),
  'vault.available': (_input, ctx) => ({ home: ctx.home, items: vaultsInHome(ctx.home) }),
};

/**
 * "Save a copy…" and "Start next period": the new file's head goes to the witness, so the file
 * is recognised later (as behind, or diverged once it went its own way) rather than as a stranger.
 */
function witnessNewFile(ctx: RpcContext, path: string, event: 'copy' | 'create'): void {
  try {
    readClosedVault(path, (db) =>
      recordHead(ctx.witness, db, { event, file: path, now: ctx.clock.now() }),
    );
  } catch (e) {
    ctx.logger.warn('could not record the copy in the witness', { error: String(e) });
  }
}

/**
 * The demo is built as a job (the large one takes a while) in a temporary file, then opened in
 * place of the open vault. A name already taken is refused at once, before the job starts.
 */
function startCreateDemo(ctx: RpcContext, file: string, scale: DemoScale): { jobId: string } {
  const path = resolveVaultFile(ctx.home, file);
  if (existsSync(path)) {
    throw new AttestError('conflict', `${path} already exists; choose another name.`, [
      { path: ['file'], message: 'A file with this name already exists' },
    ]);
  }
  const options = { app: ctx.app, clock: ctx.clock, ids: ctx.ids };
  let jobId = '';
  const job = startJob(
    ctx,
    'vault.createDemo',
    scale === 'large' ? 'Building the large demo vault' : 'Building the demo vault',
    async ({ signal, progress }) => {
      const vault =
        scale === 'large'
          ? await buildLargeDemoVault(path, {
              ...options,
              signal,
              onStep: (step) => progress({ step: `adding ${step}` }),
            })
          : await buildDemoVault(path, { ...options, signal });
      try {
        await serialised(ctx, () => replaceOpenVault(ctx, vault, 'create', jobId));
      } catch (e) {
        if (ctx.vault !== vault) closeVault(vault);
        throw e;
      }
      return vaultInfo(vault);
    },
  );
  jobId = job.jobId;
  return job;
}

/**
 * "Start next period": the new vault is built as a job in a temporary file beside the target
 * and left closed; the caller opens it (the open vault is only read, and stays open). A taken
 * name or a period that cannot be worked out is refused at once, before the job starts.
 */
function startRollForward(
  ctx: RpcContext,
  file: string,
  choices: RollForwardChoices,
): { jobId: string } {
  const vault = requireVault(ctx);
  const path = resolveVaultFile(ctx.home, file);
  if (existsSync(path)) {
    throw new AttestError('conflict', `${path} already exists; choose another name.`, [
      { path: ['file'], message: 'A file with this name already exists' },
    ]);
  }
  nextEngagement(getEngagement(vault), choices);
  return startJob(ctx, 'vault.rollForward', 'Starting the next period', ({ signal, progress }) =>
    rollForward(vault, path, choices, {
      app: ctx.app,
      clock: ctx.clock,
      ids: ctx.ids,
      signal,
      onProgress: progress,
    }).then((summary) => {
      witnessNewFile(ctx, path, 'create');
      return summary;
    }),
  );
}

/**
 * Compact runs alone: other jobs would fail once changes are refused, so it waits for none and
 * is refused while any runs. Closing or switching the vault meanwhile cancels it (before the
 * swap; after it, the compacted vault is simply closed).
 */
function startCompact(ctx: RpcContext): { jobId: string } {
  // The same vault, compacted (its domains are announced when the job ends).
  return startSwapJob(
    ctx,
    'vault.compact',
    { label: 'Compacting the vault', refusedWhileBusy: 'compact the vault' },
    'same vault',
    (vault, job) => compactVault(vault, { ...job, app: ctx.app }),
  );
}

import { vaultInfo } from '../../core/vault/info';
import { closeVault, createVault, openVault, saveCopy, type Vault } from '../../core/vault/session';
import { verifyVault } from '../../core/vault/verify';
import { forgetRecent, listRecent, rememberRecent } from '../../platform/recent';
import { type RpcContext, requireVault } from '../context';
import { resolveVaultFile, vaultsInHome } from './files';
import type { HandlerSlice } from './types';

async function replaceOpenVault(ctx: RpcContext, next: Vault): Promise<void> {
  if (ctx.vault && ctx.vault !== next) await closeCurrent(ctx);
  ctx.vault = next;
  rememberRecent(ctx.home, {
    path: next.path,
    name: vaultInfo(next).engagement.name,
    openedAt: ctx.clock.now(),
  });
  ctx.events.emit('vault.changed', { path: next.path, reason: 'opened' });
}

export async function closeCurrent(ctx: RpcContext): Promise<boolean> {
  const vault = ctx.vault;
  if (!vault) return false;
  await ctx.jobs.cancelAll();
  closeVault(vault);
  ctx.vault = null;
  ctx.events.emit('vault.changed', { path: null, reason: 'closed' });
  return true;
}

export const vaultHandlers: HandlerSlice<
  | 'vault.create'
  | 'vault.open'
  | 'vault.close'
  | 'vault.info'
  | 'vault.verify'
  | 'vault.saveCopy'
  | 'vault.recent'
  | 'vault.forgetRecent'
  | 'vault.available'
> = {
  'vault.create': async ({ file, engagement }, ctx) => {
    const path = resolveVaultFile(ctx.home, file);
    const vault = await createVault(path, engagement, {
      app: ctx.app,
      clock: ctx.clock,
      ids: ctx.ids,
    });
    await replaceOpenVault(ctx, vault);
    return vaultInfo(vault);
  },
  'vault.open': async ({ file }, ctx) => {
    const path = resolveVaultFile(ctx.home, file);
    if (ctx.vault?.path === path) return vaultInfo(ctx.vault);
    const vault = await openVault(path, { app: ctx.app, clock: ctx.clock, ids: ctx.ids });
    await replaceOpenVault(ctx, vault);
    return vaultInfo(vault);
  },
  'vault.close': async (_input, ctx) => ({ closed: await closeCurrent(ctx) }),
  'vault.info': (_input, ctx) => vaultInfo(requireVault(ctx)),
  'vault.verify': (_input, ctx) => {
    const vault = requireVault(ctx);
    const job = ctx.jobs.start('vault.verify', 'Verifying the vault', ({ signal, progress }) =>
      verifyVault(vault, { signal, onProgress: progress }),
    );
    return { jobId: job.id };
  },
  'vault.saveCopy': async ({ file }, ctx) => {
    const path = resolveVaultFile(ctx.home, file);
    await saveCopy(requireVault(ctx), path);
    return { path };
  },
  'vault.recent': (_input, ctx) => ({ items: listRecent(ctx.home) }),
  'vault.forgetRecent': ({ path }, ctx) => ({ items: forgetRecent(ctx.home, path) }),
  'vault.available': (_input, ctx) => ({ home: ctx.home, items: vaultsInHome(ctx.home) }),
};

import { DOMAINS } from '../../../shared/api/domains';
import { closeVault, type Vault } from '../../core/vault/session';
import type { RpcContext } from '../context';

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

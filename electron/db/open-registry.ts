import { statSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';

/**
 * The vault files this process holds open, by device and inode. POSIX drops *all* of a
 * process's locks on a file when *any* descriptor on it is closed, so nothing in this process may
 * open-and-close a descriptor on a held vault (a header check of the same file under another
 * path, storing the vault file as evidence…): that would silently release SQLite's exclusive
 * lock and let a second writer in. Checks here use `stat`, which opens no descriptor.
 */
interface Holder {
  path: string;
  app: string;
  /** False once the connection is gone (e.g. closed without closeVaultFile in a test). */
  isOpen(): boolean;
}

const held = new Map<string, Holder>();

function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

export function registerOpenVault(path: string, app: string, isOpen: () => boolean): void {
  const id = identity(path);
  if (id) held.set(id, { path, app, isOpen });
}

export function unregisterOpenVault(path: string): void {
  for (const [id, h] of held) if (h.path === path) held.delete(id);
}

/** Who in this process holds `path` open (perhaps under another name), or null. */
export function heldBy(path: string): Holder | null {
  const id = identity(path);
  const holder = id ? held.get(id) : undefined;
  if (!holder) return null;
  if (!holder.isOpen()) {
    held.delete(id!);
    return null;
  }
  return holder;
}

export function refuseIfHeld(path: string, why: 'open' | 'store'): void {
  const holder = heldBy(path);
  if (!holder) return;
  throw why === 'open'
    ? new AttestError(
        'vault_locked',
        `${path} is already open in ${holder.app} (this process${holder.path === path ? '' : `, as ${holder.path}`}).`,
      )
    : new AttestError(
        'validation',
        `${path} is the open vault itself; it cannot be stored inside itself.`,
        [{ path: ['source'], message: 'The open vault cannot be stored inside itself' }],
      );
}

import { realpathSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { CompactResult, VaultStorage } from '../../../shared/api/vault';
import { type CopyProgress, replaceWithCompacted, writeCompactCopy } from '../../db/compact';
import { blockWrites } from '../../db/connection';
import { buildingPath, clearStaleBuilds, moveIntoPlace, refuseExisting } from '../../db/create';
import { diskFreeBytes, pageUse } from '../../db/space';
import { type Vault, session } from './session';

/** Room kept spare beyond the two copies when checking free space before compacting. */
const MARGIN_BYTES = 16 * 1024 * 1024;

const MiB = 1024 * 1024;

/**
 * How the vault uses its file, for the Compact confirmation: what compacting would give back,
 * and whether this disk has the room it needs (the online backup, about the vault's size, plus
 * the compact copy: about twice the vault's size at most).
 */
export function vaultStorage(
  vault: Vault,
  freeOnDisk: (dir: string) => number = diskFreeBytes,
): VaultStorage {
  const use = pageUse(vault.db);
  const fileBytes = use.pageCount * use.pageSize;
  const freeBytes = use.freePages * use.pageSize;
  return {
    path: vault.path,
    fileBytes,
    freeBytes,
    autoVacuum: use.autoVacuum,
    compactNeedsBytes: fileBytes + (fileBytes - freeBytes) + MARGIN_BYTES,
    diskFreeBytes: freeOnDisk(dirname(realpathSync(vault.path))),
  };
}

export interface CompactOptions {
  signal?: AbortSignal;
  onProgress?: (p: CopyProgress) => void;
  /** Who holds the vault again afterwards (the lock note), e.g. "attest serve". */
  app?: string;
  /** The free-space check; tests give it a disk that is too small. */
  diskFreeBytes?: (dir: string) => number;
  /** Runs just before the swap, once nothing can stop it: the caller winds down other work. */
  beforeSwap?: () => Promise<void>;
}

/**
 * Compact (an explicit command: VACUUM rewrites the whole file): writes a compact copy of the
 * vault beside it and swaps it in, giving every free page back and converting an older vault to
 * incremental auto-vacuum, so that from then on space is given back as it is freed. Changes are
 * refused while the copy is written (they would be lost with the old file); reads go on.
 * Returns the vault reopened on the compacted file; the `vault` passed in is closed.
 */
export async function compactVault(
  vault: Vault,
  options: CompactOptions = {},
): Promise<{ vault: Vault; result: CompactResult }> {
  const storage = vaultStorage(vault, options.diskFreeBytes);
  if (storage.diskFreeBytes < storage.compactNeedsBytes) {
    throw new AttestError(
      'disk_full',
      `Compacting needs about ${mib(storage.compactNeedsBytes)} free on the disk that holds the vault (a copy of it and the compacted copy); ${mib(storage.diskFreeBytes)} are free. Free some space and try again.`,
      { neededBytes: storage.compactNeedsBytes, freeBytes: storage.diskFreeBytes },
    );
  }
  // Opened through a symbolic link: the file it points to is what gets compacted (replacing the
  // link with a file would leave the real vault behind, stale).
  const real = realpathSync(vault.path);
  clearStaleBuilds(dirname(real));
  const compacted = buildingPath(real);
  const allowWrites = blockWrites(
    vault.db,
    'The vault is being compacted; changes can be made again as soon as that is done.',
  );
  let swapping = false;
  try {
    await writeCompactCopy(vault.db, compacted, {
      signal: options.signal,
      onProgress: options.onProgress,
      expectedBytes: storage.fileBytes - storage.freeBytes,
    });
    await options.beforeSwap?.();
    if (options.signal?.aborted) {
      throw new AttestError('cancelled', 'Cancelled; the vault was left as it was.');
    }
    swapping = true;
    const file = await replaceWithCompacted(vault, compacted, real, {
      app: options.app ?? 'attest',
      now: vault.now,
    }).catch((e: unknown) => {
      throw new AttestError(
        'vault_locked',
        `The vault was compacted, but could not be opened again: ${(e as Error).message}`,
      );
    });
    const reopened = session(file, { clock: vault.clock, ids: vault.ids });
    const after = pageUse(reopened.db);
    return {
      vault: reopened,
      result: {
        path: vault.path,
        bytesBefore: storage.fileBytes,
        bytesAfter: after.pageCount * after.pageSize,
      },
    };
  } finally {
    if (!swapping) {
      allowWrites();
      rmSync(compacted, { force: true });
    }
  }
}

/**
 * "Save a copy…": a compact copy of the vault as it is now (free pages left out), consistent
 * even while the vault is in use, written beside the destination and moved into place only when
 * whole, never over an existing file.
 */
export async function saveCopy(vault: Vault, destination: string): Promise<void> {
  if (!statSync(dirname(destination), { throwIfNoEntry: false })?.isDirectory()) {
    throw new AttestError('not_found', `The folder for ${destination} does not exist.`);
  }
  refuseExisting(destination);
  clearStaleBuilds(dirname(destination));
  const use = pageUse(vault.db);
  const temp = buildingPath(destination);
  try {
    await writeCompactCopy(vault.db, temp, {
      expectedBytes: (use.pageCount - use.freePages) * use.pageSize,
    });
    moveIntoPlace(temp, destination);
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof AttestError) throw e;
    const code = (e as { code?: string }).code;
    throw new AttestError(
      'io',
      `The copy could not be saved to ${destination} (${code ?? 'unknown error'}).`,
    );
  }
}

function mib(bytes: number): string {
  return `${Math.ceil(bytes / MiB).toLocaleString('en')} MiB`;
}

import { realpathSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AttestError } from '../../../shared/api/errors';
import type { RestoreResult } from '../../../shared/api/witness';
import { chainHead } from '../../db/audit';
import { replaceWithCompacted } from '../../db/compact';
import { blockWrites } from '../../db/connection';
import { buildingPath, clearStaleBuilds } from '../../db/create';
import { readVaultHeader } from '../../db/header';
import { onlineBackup, readClosedVault } from '../../db/online-backup';
import { diskFreeBytes, pageUse } from '../../db/space';
import type { WitnessStore } from '../../platform/witness-store';
import { createBackup, findBackup, toBackup } from './backups';
import { type Vault, session } from './session';
import { acceptHead, judgeChain, vaultFingerprint } from './witness';

const MARGIN_BYTES = 16 * 1024 * 1024;

export interface RestoreOptions {
  witness: WitnessStore;
  signal?: AbortSignal;
  onProgress?: (p: { bytesDone: number; bytesTotal: number }) => void;
  /** Who holds the vault again afterwards (the lock note), e.g. "attest serve". */
  app?: string;
  /** Runs just before the swap, once nothing can stop it: the caller winds down other work. */
  beforeSwap?: () => Promise<void>;
  diskFreeBytes?: (dir: string) => number;
}

/**
 * Replaces the open vault with one of its backups, losing nothing: the backup is checked first
 * (a vault, not from a newer Attest, the same vault by its key, and not a rewritten history),
 * then the vault as it is now is kept as a backup ("before-restore", never rotated away), then
 * the backup is copied beside the vault and swapped in under its name (as Compact does).
 * Changes are refused meanwhile: they would be lost with the file being replaced.
 *
 * A restore made in Attest is the user's decision, after a confirmation that says what it
 * replaces: the witness's verdict on the backup (behind, by how many entries) is returned, and
 * the restored head is recorded as the new baseline, so the work that follows is witnessed.
 * Returns the vault reopened on the restored file; the `vault` passed in is closed.
 */
export async function restoreBackup(
  vault: Vault,
  root: string,
  id: string,
  options: RestoreOptions,
): Promise<{ vault: Vault; result: RestoreResult }> {
  const fingerprint = vaultFingerprint(vault.db);
  const chosen = findBackup(root, fingerprint, id);
  readVaultHeader(chosen.path); // not a vault, damaged or too new: refused before anything
  const judgeBackup = () =>
    readClosedVault(chosen.path, (db) => {
      if (vaultFingerprint(db) !== fingerprint) {
        throw new AttestError(
          'integrity',
          `Backup ${id} holds another vault; it was not restored.`,
        );
      }
      return judgeChain(
        db,
        options.witness.read(fingerprint),
        options.witness.fileFor(fingerprint),
      );
    });
  const found = judgeBackup();
  if (found.status === 'rewritten') {
    throw new AttestError(
      'integrity',
      `Backup ${id} does not hold a history this computer recorded for this vault (${found.message}) It was not restored.`,
    );
  }

  const real = realpathSync(vault.path);
  const use = pageUse(vault.db);
  const vaultBytes = use.pageCount * use.pageSize;
  const needs = vaultBytes + chosen.bytes + MARGIN_BYTES;
  const free = (options.diskFreeBytes ?? diskFreeBytes)(dirname(real));
  if (free < needs) {
    throw new AttestError(
      'disk_full',
      `Restoring needs about ${mib(needs)} free (a backup of the vault as it is now, and the restored copy); ${mib(free)} are free. Free some space and try again.`,
      { neededBytes: needs, freeBytes: free },
    );
  }

  const replacedHead = chainHead(vault.db);
  const bytesTotal = vaultBytes + chosen.bytes;
  const allowWrites = blockWrites(
    vault.db,
    'The vault is being restored from a backup; changes can be made again as soon as that is done.',
  );
  clearStaleBuilds(dirname(real));
  const temp = buildingPath(real);
  let swapping = false;
  try {
    const kept = await createBackup(vault, root, {
      reason: 'before-restore',
      signal: options.signal,
      witness: options.witness,
      diskFreeBytes: options.diskFreeBytes,
      onProgress: (p) => options.onProgress?.({ bytesDone: p.bytesDone, bytesTotal }),
    });
    // Judged again now that the vault as it was (its newest head) is recorded too.
    const witnessBefore = judgeBackup();
    const source = new Database(chosen.path, { readonly: true, fileMustExist: true });
    try {
      await onlineBackup(source, temp, {
        signal: options.signal,
        onProgress: (done) => options.onProgress?.({ bytesDone: vaultBytes + done, bytesTotal }),
      });
    } finally {
      source.close();
    }
    await options.beforeSwap?.();
    if (options.signal?.aborted) {
      throw new AttestError(
        'cancelled',
        'Cancelled; the vault was left as it was (a backup of it was kept).',
      );
    }
    swapping = true;
    const file = await replaceWithCompacted(vault, temp, real, {
      app: options.app ?? 'attest',
      now: vault.now,
    }).catch((e: unknown) => {
      throw new AttestError(
        'vault_locked',
        `The backup was put in place, but could not be opened again: ${(e as Error).message}`,
      );
    });
    const reopened = session(file, { clock: vault.clock, ids: vault.ids });
    const witness = acceptHead(options.witness, reopened.db, {
      event: 'restore',
      file: vault.path,
      now: reopened.now(),
      replaced: replacedHead,
    });
    const head = chainHead(reopened.db);
    return {
      vault: reopened,
      result: {
        path: vault.path,
        restored: toBackup(chosen, head),
        keptAs: toBackup(kept, head),
        witnessBefore,
        witness,
      },
    };
  } finally {
    if (!swapping) {
      allowWrites();
      rmSync(temp, { force: true });
      rmSync(`${temp}-journal`, { force: true });
    }
  }
}

function mib(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en')} MiB`;
}

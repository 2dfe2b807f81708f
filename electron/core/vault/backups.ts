import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import {
  type Backup,
  BACKUP_ID,
  type BackupReason,
  type ChainHead,
} from '../../../shared/api/witness';
import { chainHead } from '../../db/audit';
import { buildingPath, clearStaleBuilds, moveIntoPlace } from '../../db/create';
import { onlineBackup, readClosedVault } from '../../db/online-backup';
import { diskFreeBytes, pageUse } from '../../db/space';
import { readJsonFile, writeJsonFile } from '../../platform/home';
import type { WitnessStore } from '../../platform/witness-store';
import type { Vault } from './session';
import { recordHead, vaultFingerprint } from './witness';

/**
 * Automatic backups (H8b): rotating copies of each vault in the shared home's `backups/`
 * folder, one folder per vault fingerprint (so every copy of a vault lists the same backups,
 * whatever the file is called now): `<id>.attest`, made with SQLite's online backup, beside
 * `<id>.json`, which says when, why, from which file and at which chain head.
 *
 * Made when a vault is opened (unless the newest backup already holds that state) and once a
 * day while it stays open; the newest KEEP_AUTOMATIC of those are kept. Backups made by hand
 * ("Back up now") and the copy kept before a restore are never removed by Attest.
 */

export const KEEP_AUTOMATIC = 7;
export const DAILY_MS = 24 * 60 * 60 * 1000;
const AUTOMATIC: readonly BackupReason[] = ['open', 'daily'];
/** Room kept spare beyond the backup itself. */
const MARGIN_BYTES = 16 * 1024 * 1024;

/** A backup on disk (the contract's Backup without `current`, plus where it is). */
export interface StoredBackup extends Omit<Backup, 'current'> {
  path: string;
}

interface Sidecar {
  id: string;
  createdAt: string;
  reason: BackupReason;
  head: ChainHead;
  source: string;
  fingerprint: string;
}

export function backupsFolder(root: string, fingerprint: string): string {
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new Error(`Not a fingerprint: ${fingerprint}`);
  return join(root, fingerprint);
}

/** `20261203T101500123Z-open`: sorts by time, says why, and is safe as a file name. */
export function backupId(at: string, reason: BackupReason): string {
  const digits = at.replace(/[-:.]/g, '').replace(/Z$/, '');
  const [date, time = ''] = digits.split('T');
  return `${date}T${time.padEnd(9, '0').slice(0, 9)}Z-${reason}`;
}

/** Every whole backup of the vault with this fingerprint, newest first. */
export function listBackups(root: string, fingerprint: string): StoredBackup[] {
  const dir = backupsFolder(root, fingerprint);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: StoredBackup[] = [];
  for (const name of names) {
    const id = name.endsWith('.json') ? name.slice(0, -5) : null;
    if (!id || !BACKUP_ID.test(id)) continue;
    const side = readJsonFile<Sidecar | null>(join(dir, name), null);
    const path = join(dir, `${id}.attest`);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!side || side.id !== id || !st?.isFile()) continue; // not whole (yet)
    found.push({
      id,
      createdAt: side.createdAt,
      reason: side.reason,
      bytes: st.size,
      head: side.head,
      source: side.source,
      path,
    });
  }
  return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function findBackup(root: string, fingerprint: string, id: string): StoredBackup {
  const found = BACKUP_ID.test(id)
    ? listBackups(root, fingerprint).find((b) => b.id === id)
    : undefined;
  if (!found) {
    throw new AttestError(
      'not_found',
      `There is no backup ${id} of this vault. List the backups again and pick one of them.`,
    );
  }
  return found;
}

export function toBackup(stored: StoredBackup, head: ChainHead | null): Backup {
  const { path: _path, ...rest } = stored;
  void _path;
  return {
    ...rest,
    current: head !== null && head.seq === stored.head.seq && head.hash === stored.head.hash,
  };
}

/**
 * Whether an automatic backup is due: at open unless the newest backup already holds the
 * vault's current head; daily when the newest backup is a day old and the vault moved since.
 */
export function backupDue(
  newest: StoredBackup | undefined,
  head: ChainHead,
  now: string,
  reason: 'open' | 'daily',
): boolean {
  if (!newest) return true;
  const same = newest.head.seq === head.seq && newest.head.hash === head.hash;
  if (same) return false;
  if (reason === 'open') return true;
  return Date.parse(now) - Date.parse(newest.createdAt) >= DAILY_MS;
}

export interface BackupOptions {
  reason: BackupReason;
  signal?: AbortSignal;
  onProgress?: (p: { bytesDone: number; bytesTotal: number }) => void;
  /** Records the backup's head, when it continues what was recorded (see witness.ts). */
  witness?: WitnessStore;
  /** The free-space check; tests give it a disk that is too small. */
  diskFreeBytes?: (dir: string) => number;
}

/**
 * Backs up the open vault into `root`: SQLite's online backup into a hidden file in the
 * vault's backup folder, its description written, then moved into place under its id; older
 * automatic backups beyond KEEP_AUTOMATIC are removed. Nothing is left behind on failure.
 */
export async function createBackup(
  vault: Vault,
  root: string,
  options: BackupOptions,
): Promise<StoredBackup> {
  const fingerprint = vaultFingerprint(vault.db);
  const dir = backupsFolder(root, fingerprint);
  mkdirSync(dir, { recursive: true });
  clearStaleBuilds(dir);
  const use = pageUse(vault.db);
  const needs = use.pageCount * use.pageSize + MARGIN_BYTES;
  const free = (options.diskFreeBytes ?? diskFreeBytes)(dir);
  if (free < needs) {
    throw new AttestError(
      'disk_full',
      `A backup of this vault needs about ${mib(needs)} free on the disk that holds ${dir}; ${mib(free)} are free.`,
      { neededBytes: needs, freeBytes: free },
    );
  }
  const createdAt = vault.now();
  const id = backupId(createdAt, options.reason);
  const path = join(dir, `${id}.attest`);
  const sidecar = join(dir, `${id}.json`);
  const temp = buildingPath(path);
  let placed = false;
  try {
    await onlineBackup(vault.db.sqlite, temp, {
      signal: options.signal,
      onProgress: (bytesDone, bytesTotal) => options.onProgress?.({ bytesDone, bytesTotal }),
    });
    const head = readClosedVault(temp, (db) => chainHead(db));
    const side: Sidecar = {
      id,
      createdAt,
      reason: options.reason,
      head,
      source: vault.path,
      fingerprint,
    };
    writeJsonFile(sidecar, side);
    moveIntoPlace(temp, path);
    placed = true;
    if (options.witness) {
      const witness = options.witness;
      readClosedVault(path, (db) =>
        recordHead(witness, db, { event: 'backup', file: vault.path, now: createdAt }),
      );
    }
    rotate(root, fingerprint);
    return {
      id,
      createdAt,
      reason: options.reason,
      bytes: statSync(path).size,
      head,
      source: vault.path,
      path,
    };
  } finally {
    rmSync(temp, { force: true });
    if (!placed) rmSync(sidecar, { force: true });
  }
}

/** Keeps the newest KEEP_AUTOMATIC automatic backups; the others go. */
export function rotate(root: string, fingerprint: string): void {
  const automatic = listBackups(root, fingerprint).filter((b) => AUTOMATIC.includes(b.reason));
  for (const old of automatic.slice(KEEP_AUTOMATIC)) {
    rmSync(old.path, { force: true });
    rmSync(old.path.replace(/\.attest$/, '.json'), { force: true });
  }
}

function mib(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en')} MiB`;
}

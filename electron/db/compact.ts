import { rmSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { AttestError, isAttestError } from '../../shared/api/errors';
import type { VaultDb } from './connection';
import { buildingPath } from './create';
import {
  type OpenFileOptions,
  type OpenedVaultFile,
  closeReplacedVaultFile,
  openVaultFile,
} from './open';
import { unregisterOpenVault } from './open-registry';
import { mapSqliteError } from './sqlite-errors';

/** Pages copied per backup step (6.4 MB at 64 KiB pages): a few ms each, then other calls run. */
const BACKUP_STEP_PAGES = 100;

export interface CopyProgress {
  bytesDone: number;
  bytesTotal: number;
}

export interface CompactCopyOptions {
  signal?: AbortSignal;
  onProgress?: (p: CopyProgress) => void;
  /** Estimated bytes of the compact copy (pages in use × page size), for progress. */
  expectedBytes: number;
}

/**
 * Writes a compact copy of the open vault to `dest` (which must not exist): free pages left out,
 * `auto_vacuum = INCREMENTAL`, page size, `application_id` and `user_version` kept.
 *
 * Two steps, neither of which blocks the process for long: SQLite's online backup into a private
 * file beside `dest` (in steps of 100 pages between which other calls run, and consistent even
 * while the vault is written), then `VACUUM INTO dest` from that private file in a worker thread
 * (a VACUUM is one long call with no progress callback; the size of `dest` as it grows is the
 * progress shown). The private file is removed whatever happens.
 */
export async function writeCompactCopy(
  db: VaultDb,
  dest: string,
  options: CompactCopyOptions,
): Promise<void> {
  const snapshot = buildingPath(dest);
  const fileBytes =
    (db.sqlite.pragma('page_count', { simple: true }) as number) *
    (db.sqlite.pragma('page_size', { simple: true }) as number);
  const bytesTotal = fileBytes + options.expectedBytes;
  const report = (bytesDone: number) =>
    options.onProgress?.({ bytesDone: Math.min(bytesDone, bytesTotal), bytesTotal });
  try {
    await db.sqlite.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        throwIfAborted(options.signal);
        report(totalPages ? ((totalPages - remainingPages) / totalPages) * fileBytes : 0);
        return BACKUP_STEP_PAGES;
      },
    });
    throwIfAborted(options.signal);
    report(fileBytes);
    await vacuumInto(snapshot, dest, (bytes) => report(fileBytes + bytes));
    throwIfAborted(options.signal);
    report(bytesTotal);
  } catch (e) {
    rmSync(dest, { force: true });
    throw toCopyError(e, dest);
  } finally {
    rmSync(snapshot, { force: true });
    rmSync(`${snapshot}-journal`, { force: true });
  }
}

/**
 * Puts the compact copy `compacted` (beside `realPath`, on the same file system) in place of
 * the open vault `file` and opens it. The old
 * connection keeps its lock until the new file is open and locked under the vault's name, so
 * the only moment nobody holds the name is between the rename and the new lock (a few ms); a
 * program that opens the vault just then gets it, and this process is told `vault_locked`.
 */
export async function replaceWithCompacted(
  file: OpenedVaultFile,
  compacted: string,
  realPath: string,
  options: OpenFileOptions,
): Promise<OpenedVaultFile> {
  const { sqlite } = file.db;
  // No journal of the old file may stay under the name the new file's journal will use.
  sqlite.pragma('journal_mode = DELETE');
  unregisterOpenVault(file.path);
  // `realPath`: the file itself, when the vault was opened through a symbolic link.
  renameSync(compacted, realPath);
  try {
    return await openVaultFile(file.path, options);
  } finally {
    closeReplacedVaultFile(file.db);
  }
}

/** `VACUUM INTO` in a worker thread, reporting the size of `dest` as it grows. */
async function vacuumInto(src: string, dest: string, onBytes: (n: number) => void): Promise<void> {
  const worker = new Worker(VACUUM_WORKER, {
    eval: true,
    // The same better-sqlite3 this process loaded, wherever the code runs from.
    workerData: { sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'), src, dest },
  });
  let finished = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { error?: { message: string; code?: string } }) => {
      if (m.error) reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The compacting thread stopped (exit code ${code})`));
    });
  });
  const watch = (async () => {
    while (!finished) {
      await sleep(200);
      try {
        onBytes(statSync(dest).size);
      } catch {
        // not created yet
      }
    }
  })();
  try {
    await done;
  } finally {
    finished = true;
    await watch;
    await worker.terminate();
  }
}

/**
 * The worker's whole program, evaluated as CommonJS: there is no separate file to find, which
 * keeps it working from the sources, from the CLI bundle and from the desktop bundle alike.
 */
const VACUUM_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
try {
  const db = new Database(workerData.src, { readonly: true, fileMustExist: true });
  try {
    // On a vault without auto-vacuum this only takes effect in the copy VACUUM writes. (On one
    // that has it, the pragma would write to the header here, which a read-only file refuses.)
    if (db.pragma('auto_vacuum', { simple: true }) === 0) db.pragma('auto_vacuum = INCREMENTAL');
    db.prepare('VACUUM INTO ?').run(workerData.dest);
  } finally {
    db.close();
  }
  parentPort.postMessage({});
} catch (e) {
  parentPort.postMessage({ error: { message: String(e && e.message), code: e && e.code } });
}
`;

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw new AttestError('cancelled', 'Cancelled; the vault was left as it was.');
}

function toCopyError(e: unknown, dest: string): unknown {
  if (isAttestError(e)) return e;
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new AttestError('disk_full', `The disk is full; the copy was not written to ${dest}.`);
  }
  return mapSqliteError(e, dest);
}

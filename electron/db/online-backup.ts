import Database from 'better-sqlite3';
import { AttestError, isAttestError } from '../../shared/api/errors';
import { type VaultDb, whileCopying, wrapConnection } from './connection';
import { mapSqliteError } from './sqlite-errors';

/** Pages copied per step (6.4 MB at 64 KiB pages): a few ms each, then other calls run. */
const STEP_PAGES = 100;

export interface BackupStepOptions {
  signal?: AbortSignal;
  /** Bytes copied so far and in all, after each step. */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/**
 * SQLite's online backup of `sqlite` into `dest` (a new file), in steps between which other
 * calls run. Consistent even while the source is written through the same connection (SQLite
 * carries those changes into the copy). Throws `cancelled` when the signal fires; `dest` may
 * then be left part-written, for the caller to remove.
 */
export async function onlineBackup(
  sqlite: Database.Database,
  dest: string,
  options: BackupStepOptions = {},
): Promise<void> {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  try {
    await whileCopying(sqlite, () =>
      sqlite.backup(dest, {
        progress: ({ totalPages, remainingPages }) => {
          if (options.signal?.aborted) {
            throw new AttestError('cancelled', 'Cancelled; the vault was left as it was.');
          }
          options.onProgress?.((totalPages - remainingPages) * pageSize, totalPages * pageSize);
          return STEP_PAGES;
        },
      }),
    );
  } catch (e) {
    if (isAttestError(e)) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
      throw new AttestError('disk_full', `The disk is full; ${dest} could not be written.`);
    }
    throw mapSqliteError(e, dest);
  }
}

/**
 * Reads a vault file that nobody holds (a backup, a copy) with a short read-only connection.
 * Never call it on a vault this process holds open: closing a second descriptor on that file
 * would drop the process's lock on it (see open-registry.ts).
 */
export function readClosedVault<T>(path: string, read: (db: VaultDb) => T): T {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
  try {
    return read(wrapConnection(sqlite));
  } catch (e) {
    if (isAttestError(e)) throw e;
    throw mapSqliteError(e, path);
  } finally {
    sqlite.close();
  }
}

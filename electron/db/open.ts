import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { AttestError } from '../../shared/api/errors';
import { type VaultDb, wrapConnection } from './connection';
import { APPLICATION_ID, readVaultHeader } from './header';
import { describeHolder, readLockInfo, removeLockInfo, writeLockInfo } from './lock';
import { LATEST_FORMAT_VERSION, MIGRATIONS } from './migrations/index';
import { MIGRATION_ACTOR, type MigrationContext } from './migrations/context';
import { randomIds } from '../platform/ids';
import { mapSqliteError } from './sqlite-errors';
import { removePendingBlobs } from './blobs';
import { refuseIfHeld, registerOpenVault, unregisterOpenVault } from './open-registry';
import { RECLAIM_WORTH_BYTES, reclaimFreePages, reclaimFreePagesNow } from './space';

/** 64 KiB pages and a truncated rollback journal: chosen by measurement (DESIGN §3). */
export const PAGE_SIZE = 65536;

export interface OpenedVaultFile {
  path: string;
  db: VaultDb;
  formatVersion: number;
  /** Set when the file was migrated on open: the old version and where its backup went. */
  migratedFrom: { version: number; backupPath: string } | null;
}

export interface OpenFileOptions {
  /** Who is opening it, shown to a second opener ("attest serve", "Attest desktop"). */
  app: string;
  now(): string;
}

/**
 * Opens an existing vault: header checks first (read-only, before SQLite touches the file), then
 * the exclusive lock, then — for an older format — an online backup and the migrations.
 */
export async function openVaultFile(
  path: string,
  options: OpenFileOptions,
): Promise<OpenedVaultFile> {
  // Before any descriptor is opened on the file: see open-registry.ts.
  refuseIfHeld(path, 'open');
  const header = readVaultHeader(path);
  let sqlite: Database.Database | null = null;
  let locked = false;
  try {
    sqlite = new Database(path, { fileMustExist: true, timeout: 0 });
    applyPragmas(sqlite);
    acquireLock(sqlite);
    locked = true;
    // Re-read after the lock: SQLite may just have rolled back a hot journal.
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version !== header.formatVersion) {
      throw new AttestError('not_a_vault', `${path} changed while it was being opened; try again.`);
    }
    const db = wrapConnection(sqlite);
    let migratedFrom: OpenedVaultFile['migratedFrom'] = null;
    if (version < LATEST_FORMAT_VERSION) {
      const backupPath = `${path}.v${version}.bak`;
      rmSync(backupPath, { force: true });
      await sqlite.backup(backupPath);
      await migrate(db, version, options.now);
      migratedFrom = { version, backupPath };
    }
    writeLockInfo(path, options.app, options.now());
    registerOpenVault(path, options.app, () => db.sqlite.open);
    removePendingBlobs(db);
    await giveSpaceBack(db);
    return { path, db, formatVersion: LATEST_FORMAT_VERSION, migratedFrom };
  } catch (e) {
    try {
      sqlite?.close();
    } catch {
      // keep the original error
    }
    if (!locked && isBusy(e)) {
      const holder = readLockInfo(path);
      throw new AttestError(
        'vault_locked',
        `${path} is open in ${describeHolder(holder)}. Close it there first.`,
        {
          holder,
        },
      );
    }
    throw mapSqliteError(e, path);
  }
}

/**
 * Closes cleanly: the vault is one file at rest (no journal, no lock note beside it), and free
 * space worth giving back goes back first.
 */
export function closeVaultFile(file: Pick<OpenedVaultFile, 'path' | 'db'>): void {
  const { sqlite } = file.db;
  // A connection to a file that a compacted copy has replaced: the name belongs to the copy.
  if (replaced.has(sqlite)) return;
  unregisterOpenVault(file.path);
  if (sqlite.open) {
    try {
      try {
        reclaimFreePagesNow(file.db, RECLAIM_WORTH_BYTES);
      } catch {
        // housekeeping only: the vault closes all the same
      }
      sqlite.pragma('journal_mode = DELETE');
    } finally {
      sqlite.close();
    }
  }
  removeLockInfo(file.path);
}

const replaced = new WeakSet<Database.Database>();

/**
 * Closes the connection to a vault file that another file has just replaced under the same name
 * (Compact), without touching what now belongs to the new file: its lock note, its registry
 * entry, its journal. The old connection must have no journal left (journal_mode DELETE first).
 */
export function closeReplacedVaultFile(db: VaultDb): void {
  replaced.add(db.sqlite);
  if (db.sqlite.open) db.sqlite.close();
}

/** At open: what a crash or an earlier build left free goes back (when worth it). */
async function giveSpaceBack(db: VaultDb): Promise<void> {
  try {
    await reclaimFreePages(db, RECLAIM_WORTH_BYTES);
  } catch {
    // housekeeping only: the vault opens all the same
  }
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = TRUNCATE');
  sqlite.pragma('synchronous = FULL');
  // Statement journals in memory: one holds the 64 KiB pages a statement inside a transaction
  // changes, so that statement alone can be undone. On a file (the default) every record is over
  // SQLite's 64 KiB spill threshold, so each evidence insert wrote ~0.5 MB to a temporary file.
  // Crash recovery never reads them (that is the rollback journal's job).
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = ON');
  // Hold the file lock for as long as the vault is open: one writer, one connection.
  sqlite.pragma('locking_mode = EXCLUSIVE');
}

export function acquireLock(sqlite: Database.Database): void {
  // An exclusive transaction takes the exclusive file lock; EXCLUSIVE locking mode keeps it.
  sqlite.exec('BEGIN EXCLUSIVE');
  sqlite.exec('COMMIT');
}

export async function migrate(db: VaultDb, from: number, now: () => string): Promise<void> {
  const ctx: MigrationContext = { db, now, actor: () => MIGRATION_ACTOR, ids: randomIds };
  for (let v = from; v < MIGRATIONS.length; v++) {
    const migration = MIGRATIONS[v]!;
    db.sqlite.exec('BEGIN IMMEDIATE');
    try {
      await migration.up(db.qb, ctx);
      db.sqlite.pragma(`user_version = ${v + 1}`);
      db.sqlite.exec('COMMIT');
    } catch (e) {
      if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK');
      throw e;
    }
  }
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

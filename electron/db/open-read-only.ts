import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttestError } from '../../shared/api/errors';
import { type VaultDb, wrapConnection } from './connection';
import { APPLICATION_ID, readVaultHeader } from './header';
import { describeHolder, readLockInfo } from './lock';
import { LATEST_FORMAT_VERSION } from './migrations/index';
import { migrate } from './open';
import { refuseIfHeld } from './open-registry';

/** Why the vault was checked in a temporary copy rather than in place. */
export type CheckedCopy =
  | { reason: 'older_format'; fromVersion: number; toVersion: number }
  | { reason: 'unfinished_write'; fromVersion: number; toVersion: number };

export interface ReadOnlyVault {
  db: VaultDb;
  /** Null when the file itself is being read. */
  checkedCopy: CheckedCopy | null;
  close(): void;
}

/**
 * Opens a vault for reading only, for `attest verify` (DESIGN §3): no migration, no clean-up,
 * no lock note, no journal — the file's bytes and modification time stay as they were. A shared
 * lock is held until `close()`, so nobody can write meanwhile, and a vault held by another
 * process is refused (`vault_locked`) like any open.
 *
 * Two cases are read from a private copy in the system's temporary folder instead: an older
 * format (migrated in the copy, the way opening in Attest would) and an unfinished write left by
 * a program that stopped mid-transaction (a hot journal, which a read-only connection may not
 * roll back; the copy rolls it back, again as opening in Attest would).
 */
export async function openVaultReadOnly(path: string): Promise<ReadOnlyVault> {
  refuseIfHeld(path, 'open');
  const header = readVaultHeader(path);
  let sqlite: Database.Database | null = new Database(path, {
    readonly: true,
    fileMustExist: true,
    timeout: 0,
  });
  try {
    // In EXCLUSIVE locking mode the first read takes a shared lock and keeps it until close.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    probe(sqlite, path);
    if (header.formatVersion === LATEST_FORMAT_VERSION) {
      const held = sqlite;
      sqlite = null;
      return { db: wrapConnection(held), checkedCopy: null, close: () => held.close() };
    }
    // Older: copy it through SQLite's backup (under the shared lock; no second descriptor on
    // the file, which would drop this process's lock when closed) and migrate the copy.
    const copy = privateCopy();
    try {
      await sqlite.backup(copy.path);
      sqlite.close();
      sqlite = null;
      return await openCopy(copy, path, 'older_format');
    } catch (e) {
      copy.remove();
      throw e;
    }
  } catch (e) {
    sqlite?.close();
    if (codeOf(e) === 'SQLITE_READONLY_ROLLBACK') return copyUnfinishedWrite(path);
    throw mapOpenError(e, path);
  }
}

/** One read, to take the lock and find out what state the file is in. */
function probe(sqlite: Database.Database, path: string): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    // A damaged schema still lets the other checks say what they can: only a file that SQLite
    // cannot read at all, or one held elsewhere, stops here.
    if (codeOf(e)?.startsWith('SQLITE_CORRUPT')) return;
    throw mapOpenError(e, path);
  }
}

/**
 * A hot journal: the file and its journal are copied (nobody holds the vault, or SQLite would
 * have said busy), and the copy rolls the unfinished write back. If either changed while being
 * copied, someone opened the vault meanwhile: refuse rather than check a mix of two states.
 */
function copyUnfinishedWrite(path: string): Promise<ReadOnlyVault> {
  const journal = `${path}-journal`;
  const before = [stamp(path), stamp(journal)];
  const copy = privateCopy();
  try {
    copyFileSync(path, copy.path);
    copyFileSync(journal, `${copy.path}-journal`);
    if ([stamp(path), stamp(journal)].join() !== before.join()) {
      throw new AttestError(
        'vault_locked',
        `${path} changed while it was being checked (it was opened by another program); try again.`,
      );
    }
    return openCopy(copy, path, 'unfinished_write');
  } catch (e) {
    copy.remove();
    throw e;
  }
}

async function openCopy(
  copy: { path: string; remove(): void },
  original: string,
  reason: CheckedCopy['reason'],
): Promise<ReadOnlyVault> {
  const sqlite = new Database(copy.path, { fileMustExist: true, timeout: 0 });
  try {
    sqlite.pragma('journal_mode = TRUNCATE'); // the first access rolls back a hot journal
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version > LATEST_FORMAT_VERSION) {
      throw new AttestError('not_a_vault', `${original} is not an Attest vault this build reads.`);
    }
    const db = wrapConnection(sqlite);
    // The copy is checked, never kept: when its upgrade ran does not matter.
    if (version < LATEST_FORMAT_VERSION) await migrate(db, version, () => new Date().toISOString());
    return {
      db,
      checkedCopy: { reason, fromVersion: version, toVersion: LATEST_FORMAT_VERSION },
      close: () => {
        sqlite.close();
        copy.remove();
      },
    };
  } catch (e) {
    sqlite.close();
    throw mapOpenError(e, original);
  }
}

function privateCopy(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'attest-verify-'));
  return {
    path: join(dir, 'copy.attest'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function stamp(path: string): string {
  const st = statSync(path);
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function mapOpenError(e: unknown, path: string): unknown {
  if (e instanceof AttestError) return e;
  const code = codeOf(e);
  if (code === 'SQLITE_BUSY' || code?.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') {
    return new AttestError(
      'vault_locked',
      `${path} is open in ${describeHolder(readLockInfo(path))}. Close it there first.`,
      { holder: readLockInfo(path) },
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new AttestError(
      'not_a_vault',
      `${path} cannot be read as a database: its header is damaged. Restore it from a backup.`,
    );
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new AttestError(
      'disk_full',
      `There is not enough space in ${tmpdir()} for the temporary copy that checking ${path} needs.`,
    );
  }
  if (code?.startsWith('SQLITE_CORRUPT')) {
    return new AttestError(
      'integrity',
      `${path} is too damaged to be checked in a temporary copy. Restore it from a backup.`,
    );
  }
  return e;
}

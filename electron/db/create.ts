import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AttestError } from '../../shared/api/errors';
import { wrapConnection } from './connection';
import { APPLICATION_ID } from './header';
import { LATEST_FORMAT_VERSION } from './migrations/index';
import {
  type OpenFileOptions,
  type OpenedVaultFile,
  PAGE_SIZE,
  acquireLock,
  applyPragmas,
  migrate,
  openVaultFile,
} from './open';
import { registerOpenVault, unregisterOpenVault } from './open-registry';
import { mapSqliteError } from './sqlite-errors';

/**
 * Creating a vault is atomic (DESIGN §3). A new vault is built in a hidden file beside the
 * target — `.<name>.building-<host>-<pid>-<nonce>` — and moved into place only when whole, so a
 * crash or a kill mid-build never leaves a half-built file under the target's name (one that
 * would verify as sound and block the name). `application_id` is written last: until then the
 * file is not an Attest vault, and the open-time checks refuse it untouched.
 *
 * The move never replaces an existing file: `link` fails if the target exists (where `rename`
 * would silently replace it), then the temporary name is unlinked.
 */
export async function buildVaultFile(
  path: string,
  options: OpenFileOptions,
  build: (file: OpenedVaultFile) => Promise<void> | void,
): Promise<OpenedVaultFile> {
  refuseExisting(path);
  clearStaleBuilds(dirname(path));
  const temp = buildingPath(path);
  createEmpty(temp, path);
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(temp, { fileMustExist: true, timeout: 0 });
    // Both before the first table: they cannot change afterwards without a full VACUUM.
    sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    sqlite.pragma('auto_vacuum = INCREMENTAL');
    applyPragmas(sqlite);
    // Nothing is under the vault's name until the build is whole, so a crash part-way loses
    // only the temporary file: its many short transactions need not each wait for the disk
    // (the demo's build spent most of its time there). The whole file is synced once, below,
    // before it takes the name.
    sqlite.pragma('synchronous = OFF');
    acquireLock(sqlite);
    // In this process, the file being built is held like an open vault (see open-registry.ts).
    const held = sqlite;
    registerOpenVault(temp, options.app, () => held.open);
    const db = wrapConnection(sqlite);
    await migrate(db, 0, options.now);
    await build({ path: temp, db, formatVersion: LATEST_FORMAT_VERSION, migratedFrom: null });
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    // No journal may stay behind under the temporary name, and the file must be closed before
    // it moves: SQLite names its journal after the path it opened.
    sqlite.pragma('journal_mode = DELETE');
    unregisterOpenVault(temp);
    sqlite.close();
    syncToDisk(temp);
    moveIntoPlace(temp, path);
  } catch (e) {
    unregisterOpenVault(temp);
    try {
      sqlite?.close();
    } catch {
      // already failing; the original error is the one to report
    }
    removeBuilding(temp);
    throw mapSqliteError(e, path);
  }
  // Whole and under its name: open it like any vault (lock, lock note, registry).
  return openVaultFile(path, options);
}

/** Where the vault for `target` is built by process `pid` (exported for tests). */
export function buildingPath(target: string, pid = process.pid): string {
  const nonce = randomBytes(4).toString('hex');
  // Names stay well under the 255-byte limit of common file systems.
  const name = basename(target).slice(0, 120);
  return join(dirname(target), `.${name}.building-${hostTag()}-${pid}-${nonce}`);
}

const BUILDING = /^\..*\.building-([A-Za-z0-9-]+)-(\d+)-[0-9a-f]{8}(-journal)?$/;

/**
 * Removes what builders that died left in `dir` (a killed `attest demo`, a crashed app). Only
 * files from this machine are judged: a pid says nothing about another host sharing the folder.
 */
export function clearStaleBuilds(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = BUILDING.exec(name);
    if (!m || m[1] !== hostTag() || isAlive(Number(m[2]))) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function hostTag(): string {
  return (
    hostname()
      .replace(/[^A-Za-z0-9-]/g, '-')
      .slice(0, 40) || 'host'
  );
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function refuseExisting(path: string): void {
  let exists = true;
  try {
    lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new AttestError('io', `Cannot create ${path} (${code})`);
    exists = false;
  }
  if (exists) throw alreadyExists(path);
}

function alreadyExists(path: string): AttestError {
  return new AttestError(
    'conflict',
    `${path} already exists; it was left untouched. Choose another name.`,
  );
}

function createEmpty(temp: string, path: string): void {
  try {
    closeSync(openSync(temp, 'wx'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new AttestError('not_found', `The folder for ${path} does not exist`);
    if (code === 'ENOSPC')
      throw new AttestError('disk_full', `The disk is full; ${path} was not created`);
    throw new AttestError('io', `Cannot create ${path} (${code ?? 'unknown error'})`);
  }
}

/** `link` + `unlink`: never replaces a file that appeared under the target's name meanwhile. */
export function moveIntoPlace(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    // File systems without hard links (FAT, exFAT, some network shares): check, then rename.
    // Only a file created in the instant between the two could be replaced there.
    refuseExisting(path);
    renameSync(temp, path);
    return;
  }
  unlinkSync(temp);
}

/** Waits until the file's bytes are on the disk (the build wrote them without syncing). */
function syncToDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeBuilding(temp: string): void {
  for (const p of [temp, `${temp}-journal`]) rmSync(p, { force: true });
}

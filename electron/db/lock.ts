import { closeSync, constants, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { openRegularFile } from './regular-file';

/**
 * The real lock is SQLite's own exclusive file lock (held for as long as the vault is open and
 * released by the OS if the process dies). This side file only says *who* holds it, so a second
 * opener can be told "open in attest serve (pid 4242) by alice on laptop-7 since 09:14".
 */
export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  app: string;
  since: string;
}

export function lockInfoPath(vaultPath: string): string {
  return `${vaultPath}.lock`;
}

export function writeLockInfo(vaultPath: string, app: string, since: string): void {
  const holder: LockHolder = { pid: process.pid, host: hostname(), user: osUser(), app, since };
  // The note only names the holder: failing to write it must not fail the open. O_NONBLOCK: a
  // named pipe in its place must not hang the process (the open fails at once instead).
  let fd: number;
  try {
    fd = openSync(
      lockInfoPath(vaultPath),
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NONBLOCK,
      0o644,
    );
  } catch {
    return;
  }
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
  } catch {
    // as above: a second opener is then told "another program"
  } finally {
    closeSync(fd);
  }
}

export function readLockInfo(vaultPath: string): LockHolder | null {
  try {
    const { fd } = openRegularFile(
      lockInfoPath(vaultPath),
      () => new Error('not a regular file'),
      () => new Error('unreadable'),
    );
    try {
      const v = JSON.parse(readFileSync(fd, 'utf8')) as LockHolder;
      return typeof v.pid === 'number' ? v : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

export function removeLockInfo(vaultPath: string): void {
  rmSync(lockInfoPath(vaultPath), { force: true });
}

export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another program';
  return `${holder.app} (pid ${holder.pid}) by ${holder.user} on ${holder.host} since ${holder.since}`;
}

let cachedOsUser: string | undefined;

/**
 * The operating-system account, asked once per process: `userInfo()` reads the account database
 * at every call, and the audit log names the actor of every row an import writes.
 */
export function osUser(): string {
  cachedOsUser ??= readOsUser();
  return cachedOsUser;
}

function readOsUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * ATTEST_HOME holds logs, settings and the recent-vaults list — never evidence. The desktop app
 * passes the platform's user-data folder; the CLI and `attest serve` use ~/Attest unless the
 * environment says otherwise.
 */
export function attestHome(env: NodeJS.ProcessEnv = process.env, fallback?: string): string {
  const dir = env.ATTEST_HOME ? resolve(env.ATTEST_HOME) : (fallback ?? join(homedir(), 'Attest'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The folder the desktop app and the `attest` command share: ATTEST_HOME when it is set, else
 * `~/Attest` — whatever the desktop app uses for its own ATTEST_HOME (the platform's user-data
 * folder). The witness of each vault's audit chain and the automatic backups live here, so the
 * app and the command see the same history of a vault (docs/decisions.md).
 */
export function sharedHome(env: NodeJS.ProcessEnv = process.env, userHome = homedir()): string {
  return attestHome(env, join(userHome, 'Attest'));
}

export function readJsonFile<T>(path: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function writeJsonFile(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, path);
}

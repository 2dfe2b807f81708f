import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readJsonFile, writeJsonFile } from './home';

export interface RecentVault {
  path: string;
  name: string;
  openedAt: string;
}

const MAX_RECENT = 12;

export function recentFile(home: string): string {
  return join(home, 'recent-vaults.json');
}

/** The stored list, with anything malformed (a hand-edited or damaged file) left out. */
function readList(home: string): RecentVault[] {
  const list = readJsonFile<unknown>(recentFile(home), []);
  if (!Array.isArray(list)) return [];
  return list.filter(
    (r): r is RecentVault =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as RecentVault).path === 'string' &&
      typeof (r as RecentVault).name === 'string' &&
      typeof (r as RecentVault).openedAt === 'string',
  );
}

/** Recent vaults, newest first, leaving out files that no longer exist. */
export function listRecent(home: string): RecentVault[] {
  return readList(home).filter((r) => existsSync(r.path));
}

export function rememberRecent(home: string, entry: RecentVault): RecentVault[] {
  const path = resolve(entry.path);
  const rest = readList(home).filter((r) => r.path !== path);
  const next = [{ ...entry, path }, ...rest].slice(0, MAX_RECENT);
  writeJsonFile(recentFile(home), next);
  return next;
}

export function forgetRecent(home: string, path: string): RecentVault[] {
  const next = readList(home).filter((r) => r.path !== resolve(path));
  writeJsonFile(recentFile(home), next);
  return next;
}

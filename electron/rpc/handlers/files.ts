import { readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { AttestError } from '../../../shared/api/errors';

export const VAULT_EXTENSION = '.attest';

/**
 * A vault file named by the caller: an absolute path (native dialogs, the recent list), or a
 * bare file name kept inside ATTEST_HOME (browser mode). Relative paths with folders are refused
 * so a browser cannot wander outside ATTEST_HOME by name.
 */
export function resolveVaultFile(home: string, file: string): string {
  if (isAbsolute(file)) return resolve(file);
  if (file !== basename(file) || file === '.' || file === '..' || file.startsWith('.')) {
    throw new AttestError('validation', 'Give a file name without folders, or a full path', [
      { path: ['file'], message: 'Give a file name without folders, or a full path' },
    ]);
  }
  return join(home, file.endsWith(VAULT_EXTENSION) ? file : `${file}${VAULT_EXTENSION}`);
}

export function vaultsInHome(home: string) {
  return readdirSync(home)
    .filter((f) => f.endsWith(VAULT_EXTENSION))
    .flatMap((fileName) => {
      const path = join(home, fileName);
      // A dangling link or a file that vanished is left out, not an error for the whole list.
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st?.isFile()) return [];
      return [{ path, fileName, size: st.size, modifiedAt: st.mtime.toISOString() }];
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

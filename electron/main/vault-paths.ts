import { basename, extname, resolve } from 'node:path';

/** The vault file name extension (what the OS associates with Attest). */
export const VAULT_EXT = '.attest';

/** Save dialogs on Linux do not add the extension from the filter; vault files always carry it. */
export function ensureVaultExtension(path: string): string {
  return extname(path).toLowerCase() === VAULT_EXT ? path : `${path}${VAULT_EXT}`;
}

/** "New vault…" names the engagement after the file; it is renamed in Scope like any field. */
export function engagementNameFromFile(path: string): string {
  const name = basename(path);
  const stem = (
    name.toLowerCase().endsWith(VAULT_EXT) ? name.slice(0, -VAULT_EXT.length) : name
  ).trim();
  return stem === '' ? 'New engagement' : stem.slice(0, 200);
}

/**
 * The vault a launch asks for: `attest-app /path/Client.attest` (Linux, Windows, a double-click
 * that starts the app, or a second instance forwarding its command line). Switches that Electron
 * or Chromium add (`--foo`) and the app path in development (`.`) are skipped; the last `.attest`
 * argument wins.
 */
export function vaultPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    if (extname(arg).toLowerCase() === VAULT_EXT) return resolve(cwd, arg);
  }
  return null;
}

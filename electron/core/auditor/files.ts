/**
 * Where the auditor's own things live in ATTEST_HOME (never in a vault, never in a package):
 * `auditor/identity.json`, `auditor/auditor-key.pem` (0600) and `auditor/drafts/<manifest
 * sha256>.json`, one draft response per package.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const auditorDir = (home: string) => join(home, 'auditor');
export const identityPath = (home: string) => join(auditorDir(home), 'identity.json');
export const privateKeyPath = (home: string) => join(auditorDir(home), 'auditor-key.pem');
/** Files copied out of an open package while they are served or read; each removed after. */
export const servingDir = (home: string) => join(auditorDir(home), 'serving');
export const draftPath = (home: string, manifestSha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(manifestSha256))
    throw new Error(`Not a manifest hash: ${manifestSha256}`);
  return join(auditorDir(home), 'drafts', `${manifestSha256}.json`);
};

/**
 * Writes `bytes` to `path` whole or not at all: into a file beside it, synced, then renamed over
 * it, so a crash or a full disk never leaves half a file under the name.
 */
export function writeFileAtomically(path: string, bytes: string | Uint8Array, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${randomBytes(6).toString('hex')}`;
  try {
    const fd = openSync(partial, 'wx', mode);
    try {
      writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import type { CliIo } from '../cli/io';

const dirs: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'attest-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Content hash plus modification time: "untouched" means both are unchanged. */
export function fingerprintFile(path: string): string {
  const st = statSync(path);
  return `${createHash('sha256').update(readFileSync(path)).digest('hex')}:${st.size}:${st.mtimeMs}`;
}

/** An in-memory CliIo for running `attest` commands in-process. */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTty: false,
    env: { ATTEST_HOME: join(cwd, 'home'), ...env },
    cwd,
  };
  return {
    io,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

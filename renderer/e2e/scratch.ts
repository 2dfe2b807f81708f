import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let hooked = false;

/**
 * A new empty folder for a spec's files (request lists, exported packages, vault copies),
 * removed when the Playwright worker exits. Folders made with a bare `mkdtempSync` stayed in
 * /tmp after every run: about 100 MB per full run, mostly packages exported for auditor mode.
 * Removed on exit rather than after each test because a `beforeAll` fixture outlives its test.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `attest-e2e-${prefix}-`));
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const d of made) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

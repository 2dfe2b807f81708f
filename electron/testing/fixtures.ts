import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './tmp';

const FIXTURES = fileURLToPath(new URL('../db/migrations/fixtures/', import.meta.url));

export type FixtureVault =
  'format6-demo.attest' | 'format6-tampered.attest' | 'format11-demo.attest';

/** A private copy of a frozen fixture vault: the committed file is never opened in place. */
export function fixtureCopy(name: FixtureVault): string {
  const path = join(tempDir(), name);
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

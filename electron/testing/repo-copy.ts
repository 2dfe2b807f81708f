import { cpSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { REPO_ROOT } from './spawn';
import { tempDir } from './tmp';

/** What the `attest` command and the Electron bundles are built from. */
const PARTS = ['electron', 'shared', 'resources', 'build', 'package.json', 'tsconfig.base.json'];

/**
 * A copy of the sources, resources, build scripts and package.json in a temporary folder, with
 * node_modules linked to the checkout's: a test can edit sources, build and run there without
 * touching the checkout or its dist/. The frozen fixture vaults (megabytes) are left out.
 */
export function repoCopy(): string {
  const dir = tempDir('attest-repo-');
  const fixtures = `${sep}migrations${sep}fixtures`;
  for (const part of PARTS) {
    cpSync(join(REPO_ROOT, part), join(dir, part), {
      recursive: true,
      filter: (src) => !src.includes(fixtures),
    });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

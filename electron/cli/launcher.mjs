// How the `attest` command starts (electron/cli/attest.mjs is the package's bin). Plain JavaScript,
// because it runs before anything is compiled.
//
// The command runs from the esbuild bundle in dist/cli/ when that bundle is fresh: every input
// its build read (each source file, JSON file and build setting) still has the size and SHA-256
// recorded in dist/cli/inputs.json, and every worker entry that was missing is still missing.
// Otherwise it rebuilds the bundle (esbuild, well under a second) and runs that. If esbuild is not
// installed or the build fails, it runs the TypeScript sources through tsx, as a checkout did
// before there was a bundle, printing nothing (stdout belongs to the command, e.g. `--json`).
// A checkout therefore never runs stale code after a pull or an edit, and needs no build step.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the bundle is written, relative to the repository. */
export const BUNDLE_DIR = 'dist/cli';
export const BUNDLE_ENTRY = 'attest.mjs';
/** What the build read, written last: a bundle without it is never trusted. */
export const STAMP_FILE = 'inputs.json';
export const STAMP_FORMAT = 1;

/** SHA-256 of a file's bytes, hex. */
export function sha256File(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Whether the bundle under `root` can run as it is: `{ fresh: true }`, or `{ fresh: false, reason }`
 * naming the first thing that is out of date. Sizes are compared first (cheap); files of the same
 * size are hashed, so an edit is seen whatever its timestamp (a copy that keeps mtimes, a
 * file system with coarse times), and a file merely touched does not force a rebuild.
 */
export function bundleState(root = REPO_ROOT) {
  const dir = join(root, BUNDLE_DIR);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP_FILE), 'utf8'));
  } catch {
    return { fresh: false, reason: `${BUNDLE_DIR}/${STAMP_FILE} is missing or unreadable` };
  }
  if (stamp?.format !== STAMP_FORMAT || !Array.isArray(stamp.inputs)) {
    return { fresh: false, reason: `${BUNDLE_DIR}/${STAMP_FILE} is from another build script` };
  }
  for (const output of stamp.outputs ?? []) {
    if (statSync(join(root, output), { throwIfNoEntry: false }) === undefined)
      return { fresh: false, reason: `${output} is missing` };
  }
  for (const input of stamp.inputs) {
    const path = join(root, input.path);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (input.missing) {
      if (stat !== undefined) return { fresh: false, reason: `${input.path} appeared` };
      continue;
    }
    if (stat === undefined) return { fresh: false, reason: `${input.path} is gone` };
    if (stat.size !== input.size || sha256File(path) !== input.sha256)
      return { fresh: false, reason: `${input.path} changed` };
  }
  return { fresh: true };
}

/** Runs the command line through the tsx loader from the TypeScript sources. */
async function runFromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./bin.ts');
}

/**
 * Starts `attest`: the fresh bundle, a rebuilt one, or the sources under tsx. `ATTEST_CLI=sources`
 * skips the bundle (to compare, or for stack traces that point into the sources);
 * `ATTEST_CLI=bundle` never falls back, so a build error surfaces instead of a slower start.
 */
export async function launch(root = REPO_ROOT, env = process.env) {
  if (env.ATTEST_CLI === 'sources') return runFromSources();
  if (!bundleState(root).fresh) {
    try {
      const buildScript = pathToFileURL(join(root, 'build', 'build-cli.mjs')).href;
      const { buildCli } = await import(buildScript);
      await buildCli({ root });
    } catch (e) {
      if (env.ATTEST_CLI === 'bundle') throw e;
      // No esbuild (an install without devDependencies) or a build error: the sources still
      // run, and a syntax error is then reported by tsx with its position.
      return runFromSources();
    }
  }
  await import(pathToFileURL(join(root, BUNDLE_DIR, BUNDLE_ENTRY)).href);
}

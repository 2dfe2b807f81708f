// Bundles the worker_threads entries listed in build/worker-entries.mjs into `<outdir>/<name>.mjs`.
// Each worker is one self-contained file (node_modules stay external, as in the bundles that
// spawn them): a worker loads its own module graph, so sharing chunks with the main bundle would
// save nothing at run time, and one file per worker keeps every relative URL in it unambiguous.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { WORKER_ENTRIES } from './worker-entries.mjs';

/** The entries whose source exists under `root`, and those skipped because it does not. */
export function workerEntries(root) {
  const present = WORKER_ENTRIES.filter((w) => existsSync(join(root, w.entry)));
  const missing = WORKER_ENTRIES.filter((w) => !present.includes(w));
  return { present, missing };
}

/**
 * Builds every present worker into `outdir` (relative to `root`). Returns esbuild's metafile (or
 * null when there is nothing to build), so callers can record the inputs.
 */
export async function buildWorkers({
  root,
  outdir,
  target,
  sourcemap = false,
  write = true,
  plugins = [],
}) {
  const { present } = workerEntries(root);
  if (present.length === 0) return { metafile: null, outputFiles: [] };
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(present.map((w) => [w.name, w.entry])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target,
    packages: 'external',
    sourcemap,
    legalComments: 'none',
    logLevel: 'silent',
    metafile: true,
    write,
    plugins,
  });
  return { metafile: result.metafile, outputFiles: result.outputFiles ?? [] };
}

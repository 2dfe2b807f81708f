// Bundles the Electron side: dist/electron/main.js (ESM, the package's "main"),
// dist/electron/runtime-host.mjs (the runtime host main runs as a utilityProcess) and
// dist/electron/preload.cjs (CommonJS: a sandboxed preload cannot load ES modules), and the
// worker_threads entries of build/worker-entries.mjs as dist/electron/workers/<name>.mjs, beside
// main.js, where electron/platform/workers.ts looks for them.
// node_modules stay external in main (better-sqlite3 is native, pdfkit reads its font files
// from disk); the preload is self-contained, as sandboxed preloads can require almost nothing.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildWorkers } from './build-workers.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildElectron({ root = ROOT } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['electron'],
  };
  const [, , , workers] = await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/electron/main.js',
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
    }),
    // The runtime host main starts as a utilityProcess, beside main.js (same relative URLs).
    build({
      ...common,
      entryPoints: ['electron/runtime/host-entry.ts'],
      outfile: 'dist/electron/runtime-host.mjs',
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      platform: 'node',
      target: 'chrome140',
    }),
    buildWorkers({
      root,
      outdir: join(root, 'dist', 'electron', 'workers'),
      target: 'node22',
      sourcemap: true,
    }),
  ]);
  return {
    workers: Object.keys(workers.metafile?.outputs ?? {}).filter((p) => p.endsWith('.mjs')),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const { workers } = await buildElectron();
  console.log(
    `Built dist/electron (main.js, runtime-host.mjs, preload.cjs, ${workers.length} workers) in ${Date.now() - started} ms`,
  );
}

// Bundles the Electron side: dist/electron/main.js (ESM, the package's "main") and
// dist/electron/preload.cjs (CommonJS: a sandboxed preload cannot load ES modules).
// node_modules stay external in main (better-sqlite3 is native, pdfkit reads its font files
// from disk); the preload is self-contained, as sandboxed preloads can require almost nothing.
// Worker threads (build/worker-entries.mjs) go to dist/electron/workers/<name>.mjs, where
// electron/platform/workers.ts finds them beside main.js.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKER_ENTRIES } from './worker-entries.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildElectron() {
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['electron'],
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: 'dist/electron/main.js',
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
    buildWorkers('dist/electron/workers'),
  ]);
}

/** Each worker entry to `<outDir>/<name>.mjs` (ESM for Node, packages external, like main). */
export async function buildWorkers(outDir) {
  await Promise.all(
    WORKER_ENTRIES.filter(({ entry }) => existsSync(join(ROOT, entry))).map(({ name, entry }) =>
      build({
        absWorkingDir: ROOT,
        bundle: true,
        sourcemap: true,
        legalComments: 'none',
        logLevel: 'warning',
        entryPoints: [entry],
        outfile: join(outDir, `${name}.mjs`),
        format: 'esm',
        platform: 'node',
        target: 'node22',
        packages: 'external',
      }),
    ),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  await buildElectron();
  console.log(`Built dist/electron (main.js, preload.cjs, workers/) in ${Date.now() - started} ms`);
}

// Bundles the `attest` command into dist/cli/ (ESM for Node 20, node_modules external):
//   runtime-host.mjs    the runtime host `attest serve` forks (electron/runtime/host-entry.ts)
//   attest.mjs          the entry (electron/cli/bin.ts); each command is a chunk loaded on demand,
//                       so `--help` loads almost nothing and exceljs, pdfkit and docx are only
//                       loaded by the commands that use them
//   *-<hash>.mjs        the chunks, beside the entry so every relative URL in them resolves
//                       from the same folder as in the sources' layout two levels down
//   workers/<name>.mjs  the worker_threads entries of build/worker-entries.mjs
//   meta.json           esbuild's metafile (inputs, outputs, imports), for size questions
//   inputs.json         what the build read, with sizes and SHA-256: the launcher
//                       (electron/cli/launcher.mjs) runs the bundle only while they all still match
//
// Every input is hashed as it is handed to esbuild (an onLoad plugin reads it), so an edit saved
// during a build is never recorded as built. Files are written under temporary names and renamed
// into place, the stamp last: a process starting meanwhile sees the old build or the new one.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';
import { BUNDLE_DIR, BUNDLE_ENTRY, STAMP_FILE, STAMP_FORMAT } from '../electron/cli/launcher.mjs';
import { buildWorkers, workerEntries } from './build-workers.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Inputs that are not modules but change what the build produces. */
const SETTINGS_FILES = [
  'build/build-cli.mjs',
  'build/build-workers.mjs',
  'build/worker-entries.mjs',
  'electron/cli/launcher.mjs',
  'tsconfig.base.json',
  'electron/tsconfig.json',
  'shared/tsconfig.json',
  'node_modules/esbuild/package.json',
];

const LOADERS = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.json': 'json',
};

const toPosix = (path) => path.split(sep).join('/');
const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** An esbuild plugin that loads each source file itself and records exactly what it read. */
function recordInputs(root, record) {
  return {
    name: 'record-inputs',
    setup(b) {
      b.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        const loader = LOADERS[extname(args.path)];
        if (loader === undefined) return undefined; // esbuild loads it; digested after the build
        const contents = readFileSync(args.path);
        record(toPosix(relative(root, args.path)), contents);
        return { contents, loader };
      });
    },
  };
}

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function* filesUnder(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Builds dist/cli under `root`. `clean` empties the folder first (an explicit build); otherwise
 * (a rebuild by the launcher, possibly while another `attest` runs from the old build) files the
 * new build does not write are removed only once they are `pruneAfterMs` old.
 */
export async function buildCli({ root = ROOT, clean = false, pruneAfterMs = 10 * 60_000 } = {}) {
  const started = performance.now();
  const outdir = join(root, BUNDLE_DIR);
  const inputs = new Map();
  const record = (path, contents) =>
    inputs.set(path, { path, size: contents.length, sha256: digest(contents) });
  // Read before the build: a change during it is then seen as a change at the next start.
  for (const path of SETTINGS_FILES) {
    const file = join(root, path);
    if (existsSync(file)) record(path, readFileSync(file));
    else inputs.set(path, { path, missing: true });
  }
  for (const worker of workerEntries(root).missing)
    inputs.set(worker.entry, { path: worker.entry, missing: true });

  const [cli, workers] = await Promise.all([
    build({
      absWorkingDir: root,
      // The runtime host `attest serve` forks sits beside the entry, at the same depth as every
      // chunk, so the relative URLs in the code it shares (resources, workers/) resolve alike.
      entryPoints: {
        attest: 'electron/cli/bin.ts',
        'runtime-host': 'electron/runtime/host-entry.ts',
      },
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      legalComments: 'none',
      logLevel: 'silent',
      metafile: true,
      write: false,
      plugins: [recordInputs(root, record)],
    }),
    buildWorkers({
      root,
      outdir: join(outdir, 'workers'),
      target: 'node20',
      sourcemap: false,
      write: false,
      plugins: [recordInputs(root, record)],
    }),
  ]);
  const metafile = {
    inputs: { ...cli.metafile.inputs, ...workers.metafile?.inputs },
    outputs: { ...cli.metafile.outputs, ...workers.metafile?.outputs },
  };
  for (const path of Object.keys(metafile.inputs)) {
    if (!inputs.has(path)) record(path, readFileSync(join(root, path)));
  }

  if (clean) rmSync(outdir, { recursive: true, force: true });
  const entry = join(outdir, BUNDLE_ENTRY);
  const outputs = [...cli.outputFiles, ...workers.outputFiles];
  // Chunks first, the entry after them, the stamp last.
  outputs.sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of outputs) writeAtomically(file.path, file.contents);
  writeAtomically(join(outdir, 'meta.json'), JSON.stringify(metafile, null, 1));
  const written = new Set([
    ...outputs.map((f) => f.path),
    join(outdir, 'meta.json'),
    join(outdir, STAMP_FILE),
  ]);
  const stamp = {
    format: STAMP_FORMAT,
    esbuild: esbuildVersion,
    outputs: outputs.map((f) => toPosix(relative(root, f.path))).sort(),
    inputs: [...inputs.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  writeAtomically(join(outdir, STAMP_FILE), JSON.stringify(stamp, null, 1));

  const now = Date.now();
  for (const file of filesUnder(outdir)) {
    if (!written.has(file) && now - statSync(file).mtimeMs > pruneAfterMs) rmSync(file);
  }
  return {
    ms: performance.now() - started,
    inputs: stamp.inputs.filter((i) => !i.missing).length,
    outputs: stamp.outputs,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ms, inputs, outputs } = await buildCli({ clean: true });
  console.log(
    `Built ${BUNDLE_DIR} (${outputs.length} files from ${inputs} inputs) in ${Math.round(ms)} ms`,
  );
}

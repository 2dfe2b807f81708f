// `npm run package:smoke`: proves the packaging config on a machine without the Electron runtime.
// Builds the UI and the bundles, runs electron-builder --dir against a stub runtime directory and
// checks the archive: the bundles, the UI, package.json, better-sqlite3 (its JS inside the asar,
// its .node file unpacked) and resources/ beside it. The result is not a runnable app.
//
// Always -c.npmRebuild=false here: electron-builder's native rebuild would silently recompile
// node_modules/better-sqlite3 in place against Node's headers and claim it was for Electron. The
// script checks the module is byte-for-byte untouched and still loads under Node afterwards.
//
// --skip-renderer-build  use the dist/renderer that is there (it must exist).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import asar from '@electron/asar';
import yaml from 'js-yaml';
import { ROOT, buildElectron } from './build-electron.mjs';
import { buildRenderer } from './start.mjs';

const RELEASE_DIR = join(ROOT, 'release', 'linux-unpacked');
const RESOURCES = join(RELEASE_DIR, 'resources');
const NATIVE_MODULE = join(
  ROOT,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

class SmokeFailure extends Error {}

function fingerprint(path) {
  const st = statSync(path);
  return `${createHash('sha256').update(readFileSync(path)).digest('hex')}:${st.mtimeMs}`;
}

/** Stands in for the Electron distribution: an executable named `electron` and resources/. */
function stubRuntime() {
  const dir = mkdtempSync(join(tmpdir(), 'attest-electron-stub-'));
  const exe = join(dir, 'electron');
  writeFileSync(
    exe,
    '#!/bin/sh\necho "Stub Electron (packaging smoke run): not runnable." >&2\nexit 1\n',
  );
  chmodSync(exe, 0o755);
  mkdirSync(join(dir, 'resources'));
  return dir;
}

/**
 * electron-builder.yml as it is, except for the fuses: they are flipped inside the real Electron
 * binary, and the stub has none to flip. (`-c.electronFuses=null` would pass the string "null".)
 */
function smokeConfig(dir) {
  const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
  config.electronFuses = null;
  const file = join(dir, 'electron-builder.smoke.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function check(problems, ok, message) {
  if (!ok) problems.push(message);
}

async function main(args) {
  const started = Date.now();
  if (process.platform !== 'linux') {
    throw new SmokeFailure(
      'The packaging smoke run targets Linux (--dir --linux); run it on Linux.',
    );
  }
  if (!args.includes('--skip-renderer-build')) await buildRenderer();
  await buildElectron();
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new SmokeFailure('dist/renderer/index.html is missing: the UI was not built.');
  }

  const nativeBefore = fingerprint(NATIVE_MODULE);
  const stub = stubRuntime();
  const configDir = mkdtempSync(join(tmpdir(), 'attest-builder-config-'));
  rmSync(RELEASE_DIR, { recursive: true, force: true });
  try {
    const builder = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        '--publish',
        'never',
        '--config',
        smokeConfig(configDir),
        '-c.npmRebuild=false',
        `-c.electronDist=${stub}`,
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      },
    );
    if (builder.status !== 0) {
      throw new SmokeFailure(`electron-builder failed (exit ${builder.status ?? builder.signal}).`);
    }
  } finally {
    rmSync(stub, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  }

  const problems = [];
  const archive = join(RESOURCES, 'app.asar');
  check(problems, existsSync(archive), `${relative(ROOT, archive)} was not created`);
  const entries = new Set(existsSync(archive) ? asar.listPackage(archive, { isPack: false }) : []);
  for (const file of [
    'dist/electron/main.js',
    'dist/electron/runtime-host.mjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'package.json',
    'node_modules/better-sqlite3/lib/index.js',
    'node_modules/better-sqlite3/lib/database.js',
  ]) {
    check(problems, entries.has(`/${file}`) || entries.has(`\\${file}`), `app.asar lacks ${file}`);
  }
  check(
    problems,
    ![...entries].some((e) => e.includes('node_modules/@tabler')),
    'app.asar carries renderer-only packages (@tabler)',
  );
  check(
    problems,
    ![...entries].some((e) => /dist[/\\](cli|test-scripts)[/\\]/.test(e)),
    'app.asar carries the attest command bundle or test scripts (dist/cli, dist/test-scripts)',
  );

  const unpacked = join(RESOURCES, 'app.asar.unpacked');
  const natives = existsSync(unpacked)
    ? [...walk(unpacked)].filter((p) => p.endsWith('better_sqlite3.node'))
    : [];
  check(problems, natives.length > 0, 'app.asar.unpacked has no better_sqlite3.node (asarUnpack)');
  const catalog = join(RESOURCES, 'resources', 'catalog');
  check(problems, existsSync(catalog), `${relative(ROOT, catalog)} is missing (extraResources)`);
  // The PDF fonts are read from disk (electron/reports/fonts.ts), with their licence beside them.
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVu-LICENSE.txt']) {
    const font = join(RESOURCES, 'resources', 'fonts', file);
    check(problems, existsSync(font), `${relative(ROOT, font)} is missing (extraResources)`);
  }

  // The trap: the module Node's tests use must not have been rebuilt in place.
  check(
    problems,
    fingerprint(NATIVE_MODULE) === nativeBefore,
    'node_modules/better-sqlite3 was rebuilt in place',
  );
  const load = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').close()"],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  check(
    problems,
    load.status === 0,
    `better-sqlite3 no longer loads under Node: ${load.stderr.trim()}`,
  );

  if (problems.length > 0) {
    throw new SmokeFailure(`The package is not right:\n  - ${problems.join('\n  - ')}`);
  }
  const size = statSync(archive).size / 1024 / 1024;
  console.log(
    `\nPackaging smoke run passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `app.asar (${size.toFixed(1)} MiB, ${entries.size} entries) has the bundles, the UI and ` +
      `better-sqlite3; ${natives.length} native module(s) unpacked; resources/catalog and ` +
      'resources/fonts beside it; ' +
      'node_modules/better-sqlite3 untouched and loading under Node.',
  );
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(
    `\npackage:smoke FAILED: ${e instanceof SmokeFailure ? e.message : (e?.stack ?? e)}`,
  );
  process.exitCode = 1;
}

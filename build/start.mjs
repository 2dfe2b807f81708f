// `npm start [-- <vault.attest>]`: builds the UI and the Electron bundles, then starts the desktop
// app — or, where the Electron runtime is not installed (development machines and CI cannot
// download it), the very same app in the browser through `attest serve`, saying why.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, buildElectron } from './build-electron.mjs';

/** `vite build --config build/vite.config.ts`, in-process. */
export async function buildRenderer() {
  const configFile = join(ROOT, 'build', 'vite.config.ts');
  if (!existsSync(configFile)) {
    throw new Error(`The renderer cannot be built: ${configFile} does not exist.`);
  }
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
}

/**
 * Where the Electron executable is, or why there is none. This mirrors what
 * `require('electron')` resolves, without requiring it: since Electron 36 that require starts
 * downloading the binary when it is missing, which must not happen as a side effect of a check.
 */
export function findElectronRuntime() {
  const pkgDir = join(ROOT, 'node_modules', 'electron');
  if (!existsSync(join(pkgDir, 'package.json'))) {
    return { path: null, why: 'the electron package is not in node_modules — run npm ci' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) {
    return {
      path: null,
      why:
        "npm installed only Electron's types; the binary download is switched off " +
        '(allowScripts / ELECTRON_SKIP_BINARY_DOWNLOAD) where the download server cannot be reached',
    };
  }
  const executable = override
    ? join(override, relative ?? 'electron')
    : join(pkgDir, 'dist', relative);
  return existsSync(executable)
    ? { path: executable, why: null }
    : { path: null, why: `${executable} does not exist` };
}

/**
 * Runs a child with our terminal and forwards stop signals to it exactly once. On POSIX the
 * child gets its own process group, so Ctrl+C reaches it only through us: a doubled SIGINT
 * would kill `attest serve` before it closes the vault cleanly.
 */
export function runChild(command, args, options = {}) {
  return new Promise((resolve) => {
    const posix = process.platform !== 'win32';
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      detached: posix,
      ...options,
    });
    const signals = posix ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : ['SIGTERM'];
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const s of signals) process.on(s, forward);
    const killOnExit = () => forward('SIGTERM');
    process.on('exit', killOnExit);
    child.on('error', (e) => {
      console.error(`Could not start ${command}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      process.off('exit', killOnExit);
      resolve(code ?? 128 + (constants.signals[signal] ?? 1));
    });
  });
}

async function main(args) {
  const started = Date.now();
  await buildRenderer();
  await buildElectron();
  console.log(`Built the UI and the Electron bundles in ${Date.now() - started} ms.`);

  const runtime = findElectronRuntime();
  if (runtime.path) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return runChild(runtime.path, [ROOT, ...args], { env });
  }
  console.log(
    `The Electron runtime is not installed on this machine (${runtime.why}); ` +
      'starting the same app in your browser with `attest serve` instead.',
  );
  return runChild(process.execPath, [
    join(ROOT, 'electron', 'cli', 'attest.mjs'),
    'serve',
    ...args,
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    console.error(`npm start: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
}

import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HostProcess, ToHost } from './protocol';

export interface ForkHostOptions {
  /** The running bundle's URL, beside which `runtime-host.mjs` is looked for (default: here). */
  base?: string | URL;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the runtime host with `child_process.fork` (`attest serve`, tests, benchmarks): the
 * bundled `runtime-host.mjs` when there is one, else the TypeScript source under tsx.
 * Advanced serialization carries bytes as Uint8Array, as Electron's ports do.
 */
export function forkHost(options: ForkHostOptions = {}): HostProcess {
  const { url, tsx } = locateHost(options.base);
  const child = fork(fileURLToPath(url), [], {
    serialization: 'advanced',
    execArgv: tsx ? ['--import', import.meta.resolve('tsx')] : [],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let exited: { code: number | null; signal: string | null } | null = null;
  const onGone = (code: number | null, signal: string | null) => {
    if (exited) return;
    exited = { code, signal };
    for (const listener of exitListeners) listener(code, signal);
  };
  child.once('exit', (code, signal) => onGone(code, signal));
  // A failed spawn emits 'error' and maybe no 'exit'.
  child.once('error', () => onGone(child.exitCode, null));
  return {
    pid: child.pid,
    post(message: ToHost) {
      if (!exited && child.connected) child.send(message);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      if (exited) listener(exited.code, exited.signal);
      else exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/**
 * Where the host's code is: `runtime-host.mjs` beside the running bundle (dist/cli, dist/electron,
 * where build-cli.mjs and build-electron.mjs put it), else the source under tsx (tests, benches).
 */
export function locateHost(base: string | URL = import.meta.url): { url: URL; tsx: boolean } {
  const bundled = new URL('./runtime-host.mjs', base);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, tsx: false };
  // Sources sit two folders above both electron/runtime/ and dist/<target>/.
  const source = new URL('../../electron/runtime/host-entry.ts', base);
  if (existsSync(fileURLToPath(source))) return { url: source, tsx: true };
  throw new Error(`The runtime host is missing: ${fileURLToPath(bundled)} is not there`);
}

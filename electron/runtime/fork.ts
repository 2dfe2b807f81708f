import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { locateWorker } from '../platform/workers';
import type { HostProcess, ToHost } from './protocol';

export interface ForkHostOptions {
  /** The running bundle's URL, beside which `workers/runtime-host.mjs` is looked for. */
  base?: string | URL;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the runtime host with `child_process.fork` (`attest serve`, tests, benchmarks): the
 * bundled `workers/runtime-host.mjs` when there is one, else the TypeScript source under tsx.
 * Advanced serialization carries bytes as Uint8Array, as Electron's ports do.
 */
export function forkHost(options: ForkHostOptions = {}): HostProcess {
  const { url, tsx } = locateWorker('runtime-host', options.base);
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

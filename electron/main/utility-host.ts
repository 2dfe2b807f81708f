import type { HostProcess, ToHost } from '../runtime/protocol';

/** The part of Electron's `UtilityProcess` the adapter uses (tests pass a fake). */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/**
 * The desktop's transport to the runtime host: an Electron utilityProcess (the host entry reads
 * `process.parentPort`). Structured clone carries the protocol's messages as they are, bytes as
 * Uint8Array, exactly like fork's advanced serialization.
 */
export function utilityHost(child: UtilityProcessLike): HostProcess {
  let exited = false;
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  child.on('exit', (code) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, null);
  });
  return {
    get pid() {
      return child.pid;
    },
    post(message: ToHost) {
      if (!exited) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', listener);
    },
    onExit(listener) {
      if (exited) listener(null, null);
      else exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill();
    },
  };
}

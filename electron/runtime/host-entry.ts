import { createRuntime } from '../rpc/runtime';
import { serveHost } from './host';
import { type FromHost, type Port, parseToHost } from './protocol';

/**
 * The runtime host process (bundled as `runtime-host.mjs` beside the desktop and CLI bundles). It waits for `init`, builds the runtime, says `ready`, then serves the protocol until
 * told to shut down or until its front goes away. Plain Node: it runs the same under
 * `child_process.fork` (`attest serve`, tests) and as an Electron utilityProcess (desktop).
 */

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The channel to the front: Electron's parentPort in a utilityProcess, else fork's IPC. */
function parentChannel(): Port<FromHost> & { onGone(listener: () => void): void } {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process together with its parent.
      onGone: () => {},
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    process.stderr.write('The runtime host must be started by Attest (no parent channel).\n');
    process.exit(2);
  }
  return {
    post: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => process.on('message', listener),
    onGone: (listener) => process.once('disconnect', listener),
  };
}

const channel = parentChannel();
// Ctrl+C in a terminal reaches the whole process group, and a service manager's stop signals
// every process of the service; the front decides when the host stops (a `shutdown` after its
// own cleanup), so the vault is closed cleanly, not cut off. If the front itself is gone, the
// host closes the vault and exits on its own (onGone below).
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
let started = false;
channel.onMessage((raw) => {
  if (started) return;
  const message = parseToHost(raw);
  if (message?.t !== 'init') return;
  started = true;
  const ctx = createRuntime(message.options);
  // A fault nobody caught ends the host (the front fails its pending calls and says so); the
  // log keeps what it was, since the host's stderr may go nowhere (a desktop app).
  const fatal = (kind: string) => (e: unknown) => {
    ctx.logger.error(`runtime host: ${kind}`, { error: String(e), stack: (e as Error)?.stack });
    process.exit(70);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));
  const exit = () => {
    stop();
    // Let the last reply leave before the process goes.
    setImmediate(() => process.exit(0));
  };
  const stop = serveHost({ port: channel, ctx, onShutdown: exit });
  // The front died without a shutdown: close the vault cleanly all the same, then go.
  channel.onGone(() => {
    void ctx.dispose().finally(() => process.exit(0));
  });
  channel.post({ t: 'ready', pid: process.pid });
});

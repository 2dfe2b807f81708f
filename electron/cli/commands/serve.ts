import { resolve } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import { attestHome } from '../../platform/home';
import { fileLogger } from '../../platform/logger';
import { startHttpServer } from '../../rpc/http';
import { defaultUiDir } from '../../rpc/http-static';
import { forkHost } from '../../runtime/fork';
import { HostSupervisor } from '../../runtime/supervisor';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, UsageError } from '../io';

export interface ServeOptions {
  home: string;
  /** A vault to open at start (absolute path, or a file name inside `home`). */
  vault?: string;
  port?: number;
  uiDir?: string;
  uploadLimitBytes?: number;
}

export interface RunningAttest {
  url: string;
  tokenUrl: string;
  port: number;
  /** The runtime host behind the server (its relay), restarted on the next call if it dies. */
  runtime: HostSupervisor;
  /** Stops the server, then closes the vault cleanly in the host (jobs cancelled, lock released). */
  close(): Promise<void>;
}

/**
 * `attest serve` without the command line: the runtime host forked beside this process (it owns
 * the vault, the dispatcher and the jobs), the vault opened through it, and the HTTP server in
 * this process relaying every call, event and byte to it (electron/runtime/).
 */
export async function serveAttest(options: ServeOptions): Promise<RunningAttest> {
  const runtime = new HostSupervisor(
    () => forkHost(),
    {
      home: options.home,
      app: 'attest serve',
      uploads: true,
      automaticBackups: true,
      uploadLimitBytes: options.uploadLimitBytes,
    },
    fileLogger(options.home),
  );
  try {
    await runtime.whenReady();
    if (options.vault !== undefined) {
      const opened = await runtime.call('vault.open', { file: options.vault }, 'cli');
      if (!opened.ok) {
        throw new AttestError(opened.error.code, opened.error.message, opened.error.details);
      }
    }
    const server = await startHttpServer({
      backend: runtime,
      port: options.port ?? 0,
      uiDir: options.uiDir ?? defaultUiDir(),
      host: '127.0.0.1',
    });
    return {
      url: server.url,
      tokenUrl: server.tokenUrl,
      port: server.port,
      runtime,
      async close() {
        await server.close();
        await runtime.shutdown();
      },
    };
  } catch (e) {
    await runtime.shutdown();
    throw e;
  }
}

export async function serveCommand(
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parse('serve', args, { port: { type: 'string' } });
  if (values.json) throw new UsageError('serve: --json is not supported here');
  if (positionals.length > 1) throw new UsageError('serve: give at most one vault path');
  const port = parsePort(str(values.port));

  const running = await serveAttest({
    home: attestHome(io.env),
    vault: positionals[0] === undefined ? undefined : resolve(io.cwd, positionals[0]),
    port,
    uiDir: defaultUiDir(io.env),
  });
  io.out(`Attest is running at ${running.tokenUrl}\n`);
  io.err('Open that address in your browser (it works once). Press Ctrl+C to stop.\n');

  await untilStopped(signal);
  await running.close();
  return EXIT_OK;
}

/** An integer 0–65535; 0 (the default) lets the system pick a free port. */
function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(`serve: --port must be a whole number from 0 to 65535, not "${raw}"`);
  }
  return port;
}

/** Resolves on Ctrl+C (the CLI aborts `signal` on SIGINT) or SIGTERM (service managers, kill). */
function untilStopped(signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      signal.removeEventListener('abort', stop);
      process.off('SIGTERM', stop);
      done();
    };
    if (signal.aborted) return done();
    signal.addEventListener('abort', stop);
    process.once('SIGTERM', stop);
  });
}

import { resolve } from 'node:path';
import { AttestError } from '../../../shared/api/errors';
import type { Job } from '../../../shared/api/jobs';
import type { OpenPackageInfo } from '../../../shared/api/methods/auditor';
import type { PackageVerifyReport } from '../../../shared/api/package-verify';
import { attestHome } from '../../platform/home';
import { fileLogger } from '../../platform/logger';
import { startHttpServer } from '../../rpc/http';
import { defaultUiDir } from '../../rpc/http-static';
import { forkHost } from '../../runtime/fork';
import { HostSupervisor } from '../../runtime/supervisor';
import { parse, str } from '../args';
import { type CliIo, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../io';
import { printPackageReport } from '../package-report';

export interface ServeOptions {
  home: string;
  /** A vault to open at start (absolute path, or a file name inside `home`). */
  vault?: string;
  /** An audit package to open read-only in auditor mode at start (verified first). */
  package?: string;
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
  /** The package opened in auditor mode, when one was asked for. */
  package: OpenPackageInfo | null;
  /** Stops the server, then closes the vault cleanly in the host (jobs cancelled, lock released). */
  close(): Promise<void>;
}

/** Thrown when the package given to `--package` fails verification: nothing was opened. */
export class PackageRefused extends Error {
  constructor(readonly report: PackageVerifyReport) {
    super('The audit package did not verify; nothing was opened.');
  }
}

/** Opens `path` in auditor mode through the runtime: the job verifies it first. */
async function openPackage(runtime: HostSupervisor, path: string): Promise<OpenPackageInfo> {
  const fail = (error: { code: string; message: string; details?: unknown }) =>
    new AttestError(error.code as AttestError['code'], error.message, error.details);
  const started = await runtime.call('auditor.openPackage', { source: { path } }, 'cli');
  if (!started.ok) throw fail(started.error);
  const { jobId } = started.value as { jobId: string };
  for (;;) {
    const got = await runtime.call('jobs.get', { jobId }, 'cli');
    if (!got.ok) throw fail(got.error);
    const job = got.value as Job;
    if (job.state === 'succeeded') {
      const result = job.result as {
        opened: boolean;
        report: PackageVerifyReport;
        package: OpenPackageInfo | null;
      };
      if (!result.opened || !result.package) throw new PackageRefused(result.report);
      return result.package;
    }
    if (job.state !== 'queued' && job.state !== 'running')
      throw fail(job.error ?? { code: 'internal', message: 'Opening the package stopped.' });
    await new Promise((r) => setTimeout(r, 50));
  }
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
    const pkg = options.package === undefined ? null : await openPackage(runtime, options.package);
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
      package: pkg,
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
  const { values, positionals } = parse('serve', args, {
    port: { type: 'string' },
    package: { type: 'string' },
  });
  if (values.json) throw new UsageError('serve: --json is not supported here');
  if (positionals.length > 1) throw new UsageError('serve: give at most one vault path');
  const pkg = str(values.package);
  if (pkg !== undefined && positionals.length > 0)
    throw new UsageError('serve: give a vault or --package <zip>, not both');
  const port = parsePort(str(values.port));

  let running: RunningAttest;
  try {
    running = await serveAttest({
      home: attestHome(io.env),
      vault: positionals[0] === undefined ? undefined : resolve(io.cwd, positionals[0]),
      package: pkg === undefined ? undefined : resolve(io.cwd, pkg),
      port,
      uiDir: defaultUiDir(io.env),
    });
  } catch (e) {
    if (!(e instanceof PackageRefused)) throw e;
    printPackageReport(io, resolve(io.cwd, pkg!), e.report);
    io.err('attest serve: the package did not verify, so it was not opened and nothing started.\n');
    return EXIT_PROBLEMS;
  }
  if (running.package) {
    io.out(
      `Auditor mode: ${running.package.engagement}, opened read-only and verified (signing key ${running.package.fingerprint}).\n`,
    );
  }
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

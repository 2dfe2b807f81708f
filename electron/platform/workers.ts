/**
 * Work that a hostile input could make slow or huge runs on a worker thread with a memory ceiling
 * and a time limit, so the process keeps answering other calls and a bad file costs bounded time
 * and memory. A worker is the bundled `workers/<name>.mjs` beside the running bundle when there is
 * one (`dist/cli`, `dist/electron`); otherwise its TypeScript source runs under tsx (vitest,
 * `node electron/cli/attest.mjs`).
 *
 * The protocol is three messages from the worker: `started` once its modules are loaded (the time
 * limit counts from there, so a slow loader is not held against the input), then `done` or
 * `failed`. A call settles only after the worker's thread has exited.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker, parentPort, workerData } from 'node:worker_threads';
import { AttestError, ERROR_CODES, type ErrorCode } from '../../shared/api/errors';

/**
 * Every worker, by name, with its source file relative to the repository root. Keep this in step
 * with `build/worker-entries.mjs`, which emits the bundled ones (a test compares the two).
 */
export const WORKER_SOURCES = {
  'requests-parse': 'electron/core/requests/parse-worker.ts',
} as const;
export type WorkerName = keyof typeof WORKER_SOURCES;

/** A worker stopped for going over one of its limits. */
export class WorkerLimitError extends Error {
  constructor(
    readonly limit: 'time' | 'memory',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerLimitError';
  }
}

export interface WorkerRunOptions {
  /** The worker's heap ceiling; going over it stops the worker (a `memory` WorkerLimitError). */
  resourceLimits: ResourceLimits;
  /** How long the work may take once the worker has started (a `time` WorkerLimitError). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** The running bundle's URL, beside which `workers/` is looked for (tests; default: here). */
  base?: string | URL;
}

/** Loading modules (tsx compiling sources on a busy machine) is not the input's doing, but a hang is. */
const STARTUP_LIMIT_MS = 60_000;

type FromWorker =
  | { type: 'started' }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: { code?: ErrorCode; message: string; details?: unknown } };

/** Where a worker's code is: the bundled file, or the source with the tsx loader. */
export function locateWorker(
  name: WorkerName,
  base: string | URL = import.meta.url,
): { url: URL; tsx: boolean } {
  const bundled = new URL(`./workers/${name}.mjs`, base);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled, tsx: false };
  // Sources sit two folders above both electron/platform/ and dist/<target>/.
  const source = new URL(`../../${WORKER_SOURCES[name]}`, base);
  if (existsSync(fileURLToPath(source))) return { url: source, tsx: true };
  throw new Error(
    `The ${name} worker is missing: neither ${fileURLToPath(bundled)} nor its source is there`,
  );
}

/**
 * The unit suite bundles the workers once per run (build/vitest-global-setup.ts) and names the
 * folder here: tsx compiling exceljs into every one of some hundred short-lived workers cost about
 * half a second each. Only the tests set it; a shipped bundle finds its own workers beside it.
 */
function testBundleBase(): URL | undefined {
  const dir = process.env['ATTEST_TEST_WORKER_BASE'];
  return dir ? pathToFileURL(`${dir}/`) : undefined;
}

/** Threads started and not yet exited (tests check none outlive their call). */
const running = new Set<Worker>();
export const runningWorkers = (): number => running.size;

/** One worker of a kind at a time: each holds up to its heap ceiling, and they queue. */
const queues = new Map<WorkerName, Promise<unknown>>();

/** Runs `name` on `input` in a fresh worker thread and resolves with what it returns. */
export function runWorker<T>(name: WorkerName, input: unknown, options: WorkerRunOptions) {
  const previous = queues.get(name) ?? Promise.resolve();
  const { signal } = options;
  const run = new Promise<T>((resolve, reject) => {
    // Cancelled while waiting for its turn: it never starts.
    const onAbort = () => reject(new AttestError('cancelled', 'Cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const start = () => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new AttestError('cancelled', 'Cancelled'));
      startWorker<T>(name, input, options).then(resolve, reject);
    };
    previous.then(start, start);
  });
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(name, settled);
  void settled.then(() => {
    if (queues.get(name) === settled) queues.delete(name);
  });
  return run;
}

function startWorker<T>(name: WorkerName, input: unknown, options: WorkerRunOptions): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new AttestError('cancelled', 'Cancelled'));
  const { url, tsx } = locateWorker(name, options.base ?? testBundleBase());
  const worker = tsx
    ? new Worker(TSX_BOOT, {
        eval: true,
        workerData: { entry: url.href, tsx: import.meta.resolve('tsx/esm/api'), input },
        resourceLimits: options.resourceLimits,
      })
    : new Worker(url, { workerData: { input }, resourceLimits: options.resourceLimits });
  running.add(worker);

  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    const settle = (result: NonNullable<typeof outcome>) => {
      outcome ??= result;
      clearTimeout(timer);
      void worker.terminate();
    };
    let timer = setTimeout(
      () => settle({ ok: false, error: new Error(`The ${name} worker did not start`) }),
      STARTUP_LIMIT_MS,
    );
    const onAbort = () => settle({ ok: false, error: new AttestError('cancelled', 'Cancelled') });
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      if (message.type === 'started') {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            settle({
              ok: false,
              error: new WorkerLimitError('time', `Stopped after ${options.timeoutMs} ms`),
            }),
          options.timeoutMs,
        );
      } else if (message.type === 'done') {
        settle({ ok: true, value: message.value as T });
      } else {
        settle({ ok: false, error: reviveError(message.error) });
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle({
        ok: false,
        error: memory ? new WorkerLimitError('memory', 'Stopped at its memory limit') : error,
      });
    });
    worker.on('exit', (code) => {
      running.delete(worker);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (outcome?.ok) resolve(outcome.value);
      else reject(outcome?.error ?? new Error(`The ${name} worker exited (code ${code})`));
    });
  });
}

/**
 * Runs TypeScript sources in a worker: registers tsx's loader in the thread, then imports the
 * entry. (A worker does not inherit the parent's loader, and `execArgv: ['--import', 'tsx']` does
 * not reach a worker's first module on Node 20.)
 */
const TSX_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

function reviveError(e: { code?: ErrorCode; message: string; details?: unknown }): Error {
  if (e.code && (ERROR_CODES as readonly string[]).includes(e.code))
    return new AttestError(e.code, e.message, e.details);
  return new Error(e.message);
}

/**
 * The worker side: call once at the top of a worker entry. Runs `work` on the input the parent
 * sent and posts back its result, or its error as data (an AttestError keeps its code).
 */
export function serveWorker<I, O>(work: (input: I) => Promise<O> | O): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker runs only inside a worker thread');
  port.postMessage({ type: 'started' } satisfies FromWorker);
  const input = (workerData as { input: I }).input;
  Promise.resolve()
    .then(() => work(input))
    .then(
      (value) => port.postMessage({ type: 'done', value } satisfies FromWorker),
      (e: unknown) => {
        const error =
          e instanceof AttestError
            ? { code: e.code, message: e.message, details: e.details }
            : { message: e instanceof Error ? e.message : String(e) };
        port.postMessage({ type: 'failed', error } satisfies FromWorker);
      },
    );
}

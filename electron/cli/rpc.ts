import type { z } from 'zod';
import { AttestError } from '../../shared/api/errors';
import {
  type EventPayload,
  type Input,
  type JobMethodName,
  type JobResult,
  type MethodName,
  type Output,
  methods,
} from '../../shared/api/index';
import { clockFromEnvironment } from '../platform/clock';
import { attestHome } from '../platform/home';
import { CLI_CALLER } from '../rpc/callers';
import { dispatch } from '../rpc/dispatch';
import { createRuntime } from '../rpc/runtime';
import { issuesToUsage } from './args';
import type { CliIo } from './io';
import { progressReporter } from './progress';

/**
 * How a command reaches the core: through the dispatcher, like the desktop window and the browser
 * (DESIGN §2, one validation path). A failed call throws its error as an AttestError, which
 * `main.ts` turns into a message and an exit code.
 */
export interface CliRpc {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /**
   * Starts a job method and waits for it: progress drawn on a terminal under `label`, Ctrl+C
   * cancels it (`jobs.cancel`), and the job's result (or its error, thrown) once it ends.
   */
  job<M extends JobMethodName>(method: M, input: Input<M>, label: string): Promise<JobResult<M>>;
}

/**
 * Runs `use` against a runtime of its own (ATTEST_HOME from the command's environment); the
 * runtime is disposed afterwards whatever happens, closing the vault and ending any job.
 */
export async function withRpc<T>(
  io: CliIo,
  signal: AbortSignal,
  use: (rpc: CliRpc) => Promise<T>,
): Promise<T> {
  const ctx = createRuntime({
    home: attestHome(io.env),
    app: 'attest',
    clock: clockFromEnvironment(io.env),
  });
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const envelope = await dispatch(ctx, method, input, CLI_CALLER);
    if (!envelope.ok) {
      const { code, message, details } = envelope.error;
      throw new AttestError(code, message, details);
    }
    return envelope.value as Output<M>;
  };
  const rpc: CliRpc = {
    call,
    async job<M extends JobMethodName>(
      method: M,
      input: Input<M>,
      label: string,
    ): Promise<JobResult<M>> {
      const progress = progressReporter(io, label);
      let jobId: string | null = null;
      const stopListening = ctx.events.listen((event, payload) => {
        if (event !== 'job.progress') return;
        const p = payload as EventPayload<'job.progress'>;
        if (p.jobId === jobId) progress.update(p);
      });
      const cancel = () => {
        if (jobId) void dispatch(ctx, 'jobs.cancel', { jobId }, CLI_CALLER);
      };
      try {
        ({ jobId } = (await call(method, input)) as { jobId: string });
        if (signal.aborted) cancel();
        else signal.addEventListener('abort', cancel, { once: true });
        const job = await ctx.jobs.wait(jobId);
        if (job.state === 'succeeded') return job.result as JobResult<M>;
        const error = job.error ?? { code: 'internal', message: `The job ended ${job.state}.` };
        throw new AttestError(error.code, error.message, error.details);
      } finally {
        signal.removeEventListener('abort', cancel);
        stopListening();
        progress.done();
      }
    },
  };
  try {
    return await use(rpc);
  } finally {
    await ctx.dispose();
  }
}

/**
 * Checks a method's input against the contract before anything runs, so a bad argument is a
 * usage error naming its flag (exit 2) and no work starts. The dispatcher checks it again.
 */
export function validateInput<M extends MethodName>(
  command: string,
  method: M,
  input: Input<M>,
  flagFor: Record<string, string>,
): void {
  const parsed = (methods[method].input as z.ZodType).safeParse(input);
  if (parsed.success) return;
  throw issuesToUsage(
    command,
    parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    flagFor,
  );
}

import type { HostBridge } from '../../shared/api/bridge';
import {
  type EventName,
  type EventPayload,
  type Input,
  type JobMethodName,
  type JobResult,
  type MethodName,
  type Output,
  methods,
} from '../../shared/api/index';
import type { FileSource } from '../../shared/api/methods/blobs';
import { FINISHED_JOB_STATES, type Job, type JobProgress } from '../../shared/api/jobs';
import { ApiCallError } from './errors';
import type { Transport, UploadOptions } from './transport';

export interface RunJobOptions {
  /** Aborting asks the job to stop; the promise then rejects with a `cancelled` ApiCallError. */
  signal?: AbortSignal;
  /** Called once the job has an id. */
  onStart?: (jobId: string) => void;
  /** Safety net against lost events: re-read the job this often (ms); 0 turns it off. */
  pollIntervalMs?: number;
}

export interface PickFilesOptions {
  title?: string;
  multiple?: boolean;
  filters?: { name: string; extensions: string[] }[];
}

export interface ApiClient {
  /** Which transport this window uses: 'desktop' (IPC) or 'browser' (`attest serve`). */
  readonly kind: HostBridge['kind'];
  readonly host: HostBridge;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  runJob<M extends JobMethodName>(
    method: M,
    input: Input<M>,
    onProgress?: (progress: JobProgress) => void,
    options?: RunJobOptions,
  ): Promise<JobResult<M>>;
  subscribe<E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void;
  /** Files chosen by the user, as the sources adding methods accept (paths or upload ids). */
  pickFileSources(options: PickFilesOptions): Promise<FileSource[] | null>;
  /**
   * A file the user dropped or chose in the page (a DOM `File`), as a source: its path on the
   * desktop, an upload id in the browser (the file is sent to `POST /upload` first).
   */
  fileSourceFor(file: File, options?: UploadOptions): Promise<FileSource>;
  /** The event stream (re)connected: state may have changed unheard; re-read what is shown. */
  onReconnect(listener: () => void): () => void;
  /** Number of changing calls in flight changes (for the header's "Saving…" / "Saved"). */
  onWritesChange(listener: (pending: number) => void): () => void;
}

const DEFAULT_POLL_MS = 2000;

export function createClient(transport: Transport): ApiClient {
  let pendingWrites = 0;
  const writeListeners = new Set<(pending: number) => void>();
  const setPending = (n: number) => {
    pendingWrites = n;
    for (const l of writeListeners) l(n);
  };

  async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const mutates = methods[method].mutates;
    if (mutates) setPending(pendingWrites + 1);
    try {
      let envelope;
      try {
        envelope = await transport.invoke(method, input ?? {});
      } catch {
        throw new ApiCallError({
          code: 'io',
          message: 'Attest did not answer. Check that it is still running, then try again.',
        });
      }
      if (envelope.ok) return envelope.value as Output<M>;
      throw new ApiCallError(envelope.error);
    } finally {
      if (mutates) setPending(pendingWrites - 1);
    }
  }

  function runJob<M extends JobMethodName>(
    method: M,
    input: Input<M>,
    onProgress?: (progress: JobProgress) => void,
    options: RunJobOptions = {},
  ): Promise<JobResult<M>> {
    return new Promise<JobResult<M>>((resolve, reject) => {
      let jobId: string | null = null;
      let finished = false;
      let poll: ReturnType<typeof setInterval> | undefined;
      const early: { kind: 'progress' | 'state'; jobId: string; payload: unknown }[] = [];
      const unsubscribe: (() => void)[] = [];

      const cleanup = () => {
        finished = true;
        for (const u of unsubscribe) u();
        if (poll !== undefined) clearInterval(poll);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: unknown) => {
        if (finished) return;
        cleanup();
        reject(e);
      };
      const settle = (job: Job) => {
        if (finished) return;
        if (job.state === 'succeeded') {
          cleanup();
          resolve(job.result as JobResult<M>);
        } else if (job.state === 'failed') {
          fail(new ApiCallError(job.error ?? { code: 'internal', message: 'The job failed.' }));
        } else if (job.state === 'cancelled') {
          fail(new ApiCallError(job.error ?? { code: 'cancelled', message: 'Cancelled.' }));
        }
      };
      const reread = async () => {
        if (finished || jobId === null) return;
        try {
          settle(await call('jobs.get', { jobId }));
        } catch (e) {
          fail(e);
        }
      };
      const onEvent = (kind: 'progress' | 'state', id: string, payload: unknown) => {
        if (finished) return;
        if (jobId === null) {
          early.push({ kind, jobId: id, payload });
          return;
        }
        if (id !== jobId) return;
        if (kind === 'progress') {
          const { jobId: _id, ...progress } = payload as EventPayload<'job.progress'>;
          onProgress?.(progress);
        } else if (FINISHED_JOB_STATES.includes((payload as EventPayload<'job.state'>).state)) {
          void reread();
        }
      };
      function onAbort() {
        if (jobId === null || finished) return;
        call('jobs.cancel', { jobId }).then(settle, fail);
      }

      unsubscribe.push(
        transport.subscribe('job.progress', (p) => onEvent('progress', p.jobId, p)),
        transport.subscribe('job.state', (p) => onEvent('state', p.jobId, p)),
        transport.onReconnect(() => void reread()),
      );
      options.signal?.addEventListener('abort', onAbort);

      call(method, input).then(
        (started) => {
          if (finished) return;
          jobId = (started as { jobId: string }).jobId;
          options.onStart?.(jobId);
          for (const e of early.splice(0)) onEvent(e.kind, e.jobId, e.payload);
          if (options.signal?.aborted) onAbort();
          // Events may have gone by before the stream was listening: read the state once.
          void reread();
          const every = options.pollIntervalMs ?? DEFAULT_POLL_MS;
          if (every > 0 && !finished) poll = setInterval(() => void reread(), every);
        },
        (e: unknown) => fail(e),
      );
    });
  }

  async function pickFileSources(options: PickFilesOptions): Promise<FileSource[] | null> {
    const picked = await transport.host.pickFiles(options);
    if (!picked) return null;
    return transport.host.kind === 'desktop'
      ? picked.map((path) => ({ path }))
      : picked.map((uploadId) => ({ uploadId }));
  }

  async function fileSourceFor(file: File, options?: UploadOptions): Promise<FileSource> {
    if (transport.host.kind === 'desktop') {
      const [path] = transport.host.pathsForDroppedFiles([file]);
      if (path) return { path };
      throw new ApiCallError({
        code: 'io',
        message: `${file.name} could not be read from where it is. Choose it with the button instead.`,
      });
    }
    if (!transport.upload) {
      throw new ApiCallError({ code: 'internal', message: 'This window cannot send files.' });
    }
    return { uploadId: await transport.upload(file, options) };
  }

  return {
    kind: transport.host.kind,
    host: transport.host,
    call,
    runJob,
    subscribe: (event, listener) => transport.subscribe(event, listener),
    pickFileSources,
    fileSourceFor,
    onReconnect: (listener) => transport.onReconnect(listener),
    onWritesChange(listener) {
      writeListeners.add(listener);
      return () => writeListeners.delete(listener);
    },
  };
}

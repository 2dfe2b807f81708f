import { Readable } from 'node:stream';
import type { Envelope } from '../../shared/api/index';
import type { Logger } from '../platform/logger';
import { CLI_CALLER, type Caller, GrantedPaths, HTTP_CALLER } from './callers';
import type { RpcContext } from './context';
import { dispatch } from './dispatch';
import type { EventListener } from './events';
import { type ReadHead, type ReadSource, openReadSource } from './read-source';

/** Who is calling, as data that can cross a process boundary (callers.ts resolves it). */
export type CallerKind = 'ipc' | 'http' | 'cli';

export interface StagedUploadInfo {
  uploadId: string;
  fileName: string;
  size: number;
}

/**
 * What a front (the HTTP server, the desktop's IPC and app:// handlers, the menu) needs from the
 * runtime: calls, events, bytes out, uploads in. The runtime host's relay implements it across a
 * process boundary (electron/runtime/); `localBackend` implements it in-process for tests.
 */
export interface VaultBackend {
  readonly logger: Logger;
  readonly events: { listen(listener: EventListener): () => void };
  call(method: string, input: unknown, caller: CallerKind): Promise<Envelope>;
  /** Throws `no_vault` or `not_found` before any byte; the stream is flow-controlled. */
  read(source: ReadSource): Promise<{ head: ReadHead; stream: Readable }>;
  /** Stages an upload; a `validation` error means it passed the limit (nothing is kept). */
  upload(body: Readable, fileName: string): Promise<StagedUploadInfo>;
  /** Null when this runtime takes no uploads. */
  readonly uploadLimitBytes: number | null;
}

/** The runtime in this very process (tests, and anything that needs no host). */
export function localBackend(
  ctx: RpcContext,
  options: { granted?: GrantedPaths; alsoGranted?: (path: string) => boolean } = {},
): VaultBackend {
  const callers: Record<CallerKind, Caller> = {
    ipc: (options.granted ?? new GrantedPaths()).caller(options.alsoGranted),
    http: HTTP_CALLER,
    cli: CLI_CALLER,
  };
  return {
    logger: ctx.logger,
    events: ctx.events,
    call: (method, input, caller) => dispatch(ctx, method, input, callers[caller]),
    async read(source) {
      const { head, open } = openReadSource(ctx, source);
      return { head, stream: Readable.from(open(), { objectMode: false }) };
    },
    async upload(body, fileName) {
      const uploads = ctx.uploads;
      if (!uploads) throw new Error('Uploads are not enabled here');
      const staged = await uploads.receive(body, fileName);
      return { uploadId: staged.id, fileName: staged.fileName, size: staged.size };
    },
    get uploadLimitBytes() {
      return ctx.uploads?.limitBytes ?? null;
    },
  };
}

import type { Readable } from 'node:stream';
import type { Envelope } from '../../shared/api/index';
import type { Logger } from '../platform/logger';
import type { EventListener } from './events';
import type { ReadHead, ReadSource } from './read-source';

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
 * process boundary (electron/runtime/); `localBackend` (local-backend.ts) implements it in-process
 * for tests. This module holds types only, so a front that imports it (the `attest serve` parent,
 * Electron's main process) does not load the core: that runs in the host.
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

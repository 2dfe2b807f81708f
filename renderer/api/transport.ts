import type { AttestBridge } from '../../shared/api/bridge';

/**
 * How calls travel: the desktop preload bridge (IPC) or `attest serve` (HTTP + SSE). Both offer
 * the `AttestBridge` shape; the HTTP one also reconnects its event stream and uploads files.
 */
export interface Transport extends AttestBridge {
  /** Called whenever the event stream (re)connects: events may have been missed before it. */
  onReconnect(listener: () => void): () => void;
  /**
   * Browser mode only: streams a file to the server and returns its upload id. `onSent` is told
   * the bytes sent so far; an aborted `signal` stops the upload with a `cancelled` error.
   */
  upload?(file: File, options?: UploadOptions): Promise<string>;
}

export interface UploadOptions {
  signal?: AbortSignal;
  onSent?: (bytes: number) => void;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './http-respond';

/**
 * How much `attest serve` tolerates from a client. Any local process can connect to the port,
 * signed in or not, so none of these may be unbounded (a probe starved the server with ~20 000
 * half-open connections, and a signed-in client could hold a request open forever by sending
 * its body one byte at a time).
 */
export interface HttpLimits {
  /** Connections beyond this are closed as soon as they are accepted. */
  maxConnections: number;
  /** The request line and headers must arrive within this (idle connections included). */
  headersTimeoutMs: number;
  /** How often Node checks connections against `headersTimeoutMs`. */
  connectionsCheckingIntervalMs: number;
  /** A request body (other than an upload) must arrive in full within this. */
  bodyTimeoutMs: number;
  /** No body bytes for this long ends any request, uploads included. */
  bodyIdleMs: number;
  /**
   * Uploads may take longer than `bodyTimeoutMs` (files of several GiB), but only while they
   * keep up this average rate: an upload may take `bodyTimeoutMs + bytes / rate` in all.
   */
  uploadMinBytesPerSecond: number;
  /** How often bodies are checked against the three rules above. */
  bodyCheckIntervalMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  // A browser opens at most six connections to a host, plus one event stream, per tab.
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  connectionsCheckingIntervalMs: 1_000,
  bodyTimeoutMs: 30_000,
  bodyIdleMs: 30_000,
  uploadMinBytesPerSecond: 64 * 1024,
  bodyCheckIntervalMs: 1_000,
};

interface Watched {
  res: ServerResponse;
  upload: boolean;
  startedAt: number;
  /** Bytes read on the socket when watching began (request line and headers). */
  baseBytes: number;
  lastBytes: number;
  lastProgressAt: number;
}

/**
 * Node's own `requestTimeout` counts the whole request, body included, so it would cut off a
 * large upload; it is turned off and request bodies are watched here instead. Only the request
 * is timed: a response may stream for as long as it likes (`GET /events` lives for hours), and
 * a request without a body is complete as soon as its headers are in.
 */
export class SlowBodyGuard {
  private readonly watched = new Map<IncomingMessage, Watched>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly limits: HttpLimits) {}

  /** Starts timing the body of `req` (nothing to do once it is complete). */
  watch(req: IncomingMessage, res: ServerResponse): void {
    if (req.complete) return;
    const now = Date.now();
    const bytes = req.socket.bytesRead;
    this.watched.set(req, {
      res,
      upload: false,
      startedAt: now,
      baseBytes: bytes,
      lastBytes: bytes,
      lastProgressAt: now,
    });
    if (!this.timer) {
      this.timer = setInterval(() => this.check(), this.limits.bodyCheckIntervalMs);
      this.timer.unref();
    }
  }

  /** A signed-in upload: judged by its rate rather than by `bodyTimeoutMs` alone. */
  allowUpload(req: IncomingMessage): void {
    const w = this.watched.get(req);
    if (w) w.upload = true;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watched.clear();
  }

  private check(): void {
    const now = Date.now();
    for (const [req, w] of this.watched) {
      if (req.complete || req.socket.destroyed) {
        this.watched.delete(req);
        continue;
      }
      const bytes = req.socket.bytesRead;
      if (bytes > w.lastBytes) {
        w.lastBytes = bytes;
        w.lastProgressAt = now;
      }
      const allowedMs = w.upload
        ? this.limits.bodyTimeoutMs +
          ((bytes - w.baseBytes) / this.limits.uploadMinBytesPerSecond) * 1000
        : this.limits.bodyTimeoutMs;
      const idle = now - w.lastProgressAt > this.limits.bodyIdleMs;
      if (idle || now - w.startedAt > allowedMs) {
        this.watched.delete(req);
        cutOff(req, w.res);
      }
    }
    if (this.watched.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}

/**
 * 408 when nothing was answered yet, then the request and its connection go: the rest of the
 * body is not worth reading. The request itself is destroyed (not only the socket): once a
 * response has finished, Node no longer tells a request that its socket closed, and a handler
 * still reading the body (an upload being staged) would wait for it forever.
 */
function cutOff(req: IncomingMessage, res: ServerResponse): void {
  const end = () => {
    req.destroy();
    req.socket.destroy();
  };
  if (res.headersSent || res.writableEnded) {
    end();
    return;
  }
  res.once('finish', end);
  res.once('close', end);
  sendText(res, 408, 'The request arrived too slowly and was cut off.', { Connection: 'close' });
}

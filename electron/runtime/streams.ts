import { Readable } from 'node:stream';
import { AttestError, type ApiError } from '../../shared/api/errors';
import { MAX_CHUNK_BYTES, STREAM_WINDOW } from './protocol';

/**
 * The two ends of a byte stream under credit (protocol.ts), used in both directions: the host
 * sends stored files out and receives uploads; the relay does the opposite.
 */

type StreamOut =
  | { t: 'chunk'; id: number; data: Uint8Array }
  | { t: 'end'; id: number }
  | { t: 'abort'; id: number; error: ApiError }
  | { t: 'credit'; id: number; chunks: number };

/** The sending end: waits for credit before each chunk; `cancel` stops it at the next chunk. */
export class StreamSender {
  private credit = 0;
  private waiting: (() => void) | null = null;
  private cancelled = false;

  constructor(
    private readonly id: number,
    private readonly post: (message: StreamOut) => void,
  ) {}

  grant(chunks: number): void {
    this.credit += chunks;
    this.wake();
  }

  cancel(): void {
    this.cancelled = true;
    this.wake();
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** Sends every chunk of `source`, then `end`; or `abort` if reading fails. Never throws. */
  async send(source: AsyncIterable<Uint8Array>): Promise<void> {
    try {
      for await (const chunk of source) {
        for (let at = 0; at < chunk.length; at += MAX_CHUNK_BYTES) {
          await this.take();
          if (this.cancelled) return;
          this.post({ t: 'chunk', id: this.id, data: chunk.subarray(at, at + MAX_CHUNK_BYTES) });
        }
        if (this.cancelled) return;
      }
      this.post({ t: 'end', id: this.id });
    } catch (e) {
      if (this.cancelled) return;
      const error = e instanceof AttestError ? e.toApiError() : streamFailed();
      this.post({ t: 'abort', id: this.id, error });
    }
  }

  private take(): Promise<void> {
    if (this.credit > 0 || this.cancelled) {
      this.credit--;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting = () => {
        this.credit--;
        resolve();
      };
    });
  }

  private wake(): void {
    if (!this.waiting || (this.credit <= 0 && !this.cancelled)) return;
    const waiting = this.waiting;
    this.waiting = null;
    waiting();
  }
}

/**
 * The receiving end, as a Readable: credit is granted only when the consumer asks for more
 * (`_read`), so a slow consumer (a browser on a slow link) slows the sender instead of filling
 * memory. Destroying the Readable cancels the stream at the sender.
 */
export class StreamReceiver {
  readonly readable: Readable;
  /** Credit granted and not yet used by a chunk. */
  private outstanding = 0;
  private finished = false;

  constructor(
    private readonly id: number,
    private readonly post: (message: StreamOut | { t: 'cancel'; id: number }) => void,
    onDone: () => void,
  ) {
    this.readable = new Readable({
      // One chunk buffered here at most; the rest stays at the sender until asked for.
      highWaterMark: MAX_CHUNK_BYTES,
      read: () => this.topUp(),
      destroy: (error, callback) => {
        if (!this.finished) {
          this.finished = true;
          this.post({ t: 'cancel', id: this.id });
        }
        onDone();
        callback(error);
      },
    });
  }

  chunk(data: Uint8Array): void {
    if (this.finished) return;
    this.outstanding--;
    this.readable.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  end(): void {
    if (this.finished) return;
    this.finished = true;
    this.readable.push(null);
  }

  abort(error: ApiError): void {
    if (this.finished) return;
    this.finished = true;
    this.readable.destroy(new AttestError(error.code, error.message, error.details));
  }

  private topUp(): void {
    if (this.finished) return;
    // Refill when half the window is used: fewer credit messages, the pipe never runs dry.
    if (this.outstanding > STREAM_WINDOW / 2) return;
    const chunks = STREAM_WINDOW - this.outstanding;
    this.outstanding = STREAM_WINDOW;
    this.post({ t: 'credit', id: this.id, chunks });
  }
}

function streamFailed(): ApiError {
  return { code: 'io', message: 'Reading the file failed part way; try again.' };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from './events';

type EventSource = Pick<EventBus, 'listen'>;
import { sendText } from './http-respond';

/** Often enough that idle connections are not dropped by anything in between, or go unnoticed when dead. */
export const HEARTBEAT_MS = 15_000;

/** Unsent event bytes tolerated for one client before its stream is dropped. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * `GET /events`: contract events as server-sent events (`event: <name>` / `data: <json>`). The
 * browser's `EventSource` cannot set headers, which is why the session lives in a cookie. After a
 * reconnect the client re-reads job state (DESIGN §2), so nothing is replayed here.
 */
export class SseHub {
  private readonly streams = new Set<() => void>();

  constructor(
    private readonly events: EventSource,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      sendText(res, 405, 'Subscribe to events with GET.', { Allow: 'GET' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Sent at once so the client knows it is subscribed (and how soon to come back if dropped).
    res.write('retry: 2000\n: connected\n\n');

    const unlisten = this.events.listen((event, payload) => {
      // A client that stopped reading would make the buffer grow without end: drop it instead.
      // EventSource reconnects on its own and the client re-reads state after a reconnect.
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        return;
      }
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();

    const close = () => {
      if (!this.streams.delete(close)) return;
      clearInterval(heartbeat);
      unlisten();
      res.end();
    };
    this.streams.add(close);
    req.on('close', close);
    res.on('error', close);
  }

  /** Ends every open stream (the server cannot finish closing while they are open). */
  closeAll(): void {
    for (const close of [...this.streams]) close();
  }

  get openStreams(): number {
    return this.streams.size;
  }
}

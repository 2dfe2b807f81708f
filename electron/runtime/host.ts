import { resolve } from 'node:path';
import type { ApiError } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/index';
import { listRecent } from '../platform/recent';
import { CLI_CALLER, type Caller, GrantedPaths, HTTP_CALLER } from '../rpc/callers';
import type { RpcContext } from '../rpc/context';
import { dispatch } from '../rpc/dispatch';
import { toApiError } from '../rpc/errors';
import { type ReadHead, type ReadSource, openReadSource } from '../rpc/read-source';
import { type CallerKind, type FromHost, type Port, type ToHost, parseToHost } from './protocol';
import { StreamReceiver, StreamSender } from './streams';

export interface HostOptions {
  port: Port<FromHost>;
  ctx: RpcContext & { dispose(): Promise<void> };
  /** After a `shutdown` has closed the vault and been answered (the entry exits the process). */
  onShutdown(): void;
}

/**
 * The host side of the protocol: every call goes to the dispatcher, every event out to the front,
 * stored bytes out and uploads in as streams under credit. The host is the only process that
 * opens the vault; the front never sees `ctx`.
 */
export function serveHost({ port, ctx, onShutdown }: HostOptions): () => void {
  // What the desktop user chose, as main told us; the recent list counts as chosen (callers.ts).
  const granted = new GrantedPaths();
  const isRecent = (path: string) =>
    listRecent(ctx.home).some((r) => resolve(r.path) === resolve(path));
  const callers: Record<CallerKind, Caller> = {
    ipc: granted.caller(isRecent),
    http: HTTP_CALLER,
    cli: CLI_CALLER,
  };
  const senders = new Map<number, StreamSender>();
  const receivers = new Map<number, StreamReceiver>();
  const post = (message: FromHost) => port.post(message);
  const reply = (id: number, envelope: Envelope) => post({ t: 'reply', id, envelope });
  const fail = (id: number, error: ApiError) => reply(id, { ok: false, error });

  const unlisten = ctx.events.listen((event, payload) => post({ t: 'event', event, payload }));

  port.onMessage((raw) => {
    const message = parseToHost(raw);
    if (!message) {
      ctx.logger.error('runtime host: malformed message dropped', {
        type: typeof raw === 'object' && raw !== null ? String((raw as { t?: unknown }).t) : '',
      });
      return;
    }
    handle(message);
  });

  function handle(message: ToHost): void {
    switch (message.t) {
      case 'init':
        return; // consumed by the entry before the host exists
      case 'call':
        void dispatch(ctx, message.method, message.input, callers[message.caller]).then((e) =>
          reply(message.id, e),
        );
        return;
      case 'grant':
        granted.grant(...message.paths);
        return;
      case 'read':
        void read(message.id, message.source);
        return;
      case 'upload':
        void upload(message.id, message.fileName);
        return;
      case 'shutdown':
        void ctx
          .dispose()
          .catch((e: unknown) =>
            ctx.logger.error('closing on shutdown failed', { error: String(e) }),
          )
          .finally(() => {
            reply(message.id, { ok: true, value: null });
            onShutdown();
          });
        return;
      case 'credit':
        senders.get(message.id)?.grant(message.chunks);
        return;
      case 'cancel':
        senders.get(message.id)?.cancel();
        receivers.get(message.id)?.abort({ code: 'cancelled', message: 'Cancelled' });
        return;
      case 'chunk':
        receivers.get(message.id)?.chunk(message.data);
        return;
      case 'end':
        receivers.get(message.id)?.end();
        return;
      case 'abort':
        receivers.get(message.id)?.abort(message.error);
        return;
    }
  }

  async function read(id: number, source: ReadSource): Promise<void> {
    let opened: { head: ReadHead; open(): AsyncIterable<Uint8Array> };
    try {
      opened = await openReadSource(ctx, source);
    } catch (e) {
      return fail(id, toApiError(e, ctx.logger));
    }
    const sender = new StreamSender(id, post);
    senders.set(id, sender);
    reply(id, { ok: true, value: opened.head });
    try {
      await sender.send(opened.open());
    } finally {
      senders.delete(id);
    }
  }

  async function upload(id: number, fileName: string): Promise<void> {
    const uploads = ctx.uploads;
    if (!uploads) {
      return fail(id, { code: 'not_found', message: 'Uploads are not enabled here.' });
    }
    const receiver = new StreamReceiver(id, post, () => receivers.delete(id));
    receivers.set(id, receiver);
    try {
      const staged = await uploads.receive(receiver.readable, fileName);
      reply(id, {
        ok: true,
        value: { uploadId: staged.id, fileName: staged.fileName, size: staged.size },
      });
    } catch (e) {
      fail(id, toApiError(e, ctx.logger));
    } finally {
      receivers.delete(id);
    }
  }

  return () => {
    unlisten();
    for (const sender of senders.values()) sender.cancel();
  };
}

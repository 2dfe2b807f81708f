import type { Readable } from 'node:stream';
import { AttestError, type ApiError } from '../../shared/api/errors';
import type { EventName } from '../../shared/api/events';
import type { Envelope } from '../../shared/api/index';
import type { Logger } from '../platform/logger';
import type { StagedUploadInfo } from '../rpc/backend';
import { EventBus } from '../rpc/events';
import {
  type CallerKind,
  type FromHost,
  type HostInit,
  type HostProcess,
  type ReadHead,
  type ReadSource,
  parseFromHost,
} from './protocol';
import { StreamReceiver, StreamSender } from './streams';

/** What every pending call fails with when the host dies. */
export const HOST_STOPPED_MESSAGE =
  'The part of Attest that works on the vault stopped unexpectedly. Reopen the vault to go on.';

type Pending = (envelope: Envelope) => void;

/**
 * The front's side of the protocol (protocol.ts): calls with ids, the host's events re-emitted on
 * a local EventBus (so the IPC adapter and the SSE hub listen exactly as they did in-process),
 * byte streams under credit, and a clean shutdown. If the host dies, every pending call fails at
 * once with `host_stopped` and `runtime.stopped` is emitted; nothing waits forever.
 */
export class RuntimeRelay {
  readonly events = new EventBus();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly receivers = new Map<number, StreamReceiver>();
  private readonly senders = new Map<number, StreamSender>();
  private gone: { code: number | null; signal: string | null } | null = null;
  private stopping = false;
  private readonly ready: Promise<void>;
  private readonly stoppedListeners = new Set<(info: RelayStopped) => void>();
  /** The open vault, as the host last announced it (menus, the stopped event's path). */
  vaultPath: string | null = null;

  constructor(
    private readonly host: HostProcess,
    init: HostInit,
    private readonly logger: Logger,
  ) {
    let markReady!: () => void;
    let failReady!: (e: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // Nobody may be waiting on `ready` yet; its failure is reported through calls instead.
    this.ready.catch(() => {});
    host.onMessage((raw) => {
      const message = parseFromHost(raw);
      if (!message) {
        logger.error('relay: malformed message from the host dropped');
        return;
      }
      if (message.t === 'ready') markReady();
      else this.receive(message);
    });
    host.onExit((code, signal) => {
      this.gone = { code, signal };
      failReady(new AttestError('host_stopped', HOST_STOPPED_MESSAGE));
      this.failEverything(code, signal);
    });
    host.post({ t: 'init', options: init });
  }

  /** Resolves once the host has built its runtime; rejects if it died first. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  get alive(): boolean {
    return this.gone === null;
  }

  get pid(): number | undefined {
    return this.host.pid;
  }

  /** Told once when the host is gone (`expected` after a shutdown asked for). */
  onStopped(listener: (info: RelayStopped) => void): () => void {
    this.stoppedListeners.add(listener);
    return () => this.stoppedListeners.delete(listener);
  }

  /** One dispatched call; always resolves with an envelope, never hangs past the host's death. */
  call(
    method: string,
    input: unknown,
    caller: CallerKind,
    signal?: AbortSignal,
  ): Promise<Envelope> {
    if (this.gone) return Promise.resolve(stoppedEnvelope());
    const id = this.nextId++;
    return new Promise<Envelope>((resolve) => {
      const onAbort = () => {
        // The host has no way to stop a dispatched call; its answer is dropped when it comes.
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled' } });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, (envelope) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(envelope);
      });
      this.host.post({ t: 'call', id, method, input, caller });
    });
  }

  /** Paths the desktop user chose: `ipc` calls may name them from now on. */
  grant(paths: readonly string[]): void {
    if (this.gone || paths.length === 0) return;
    this.host.post({ t: 'grant', paths: [...paths] });
  }

  /**
   * Opens a stored file or a generated output for reading. Throws the host's error (`no_vault`,
   * `not_found`) before any byte; the stream errors if the host dies part way. Destroying the
   * stream cancels it at the host.
   */
  async read(source: ReadSource): Promise<{ head: ReadHead; stream: Readable }> {
    const id = this.nextId++;
    const receiver = new StreamReceiver(
      id,
      (m) => this.post(m),
      () => this.receivers.delete(id),
    );
    this.receivers.set(id, receiver);
    const head = await this.request(id, () => this.host.post({ t: 'read', id, source }));
    if (!head.ok) {
      this.receivers.delete(id);
      throw new AttestError(head.error.code, head.error.message, head.error.details);
    }
    return { head: head.value as ReadHead, stream: receiver.readable };
  }

  /** Streams `body` into the host's upload staging; resolves with the staged upload. */
  async upload(body: AsyncIterable<Uint8Array>, fileName: string): Promise<StagedUploadInfo> {
    const id = this.nextId++;
    const sender = new StreamSender(id, (m) => this.post(m));
    this.senders.set(id, sender);
    try {
      const answer = this.request(id, () => this.host.post({ t: 'upload', id, fileName }));
      void sender.send(body);
      const envelope = await answer;
      sender.cancel();
      if (!envelope.ok) {
        throw new AttestError(envelope.error.code, envelope.error.message, envelope.error.details);
      }
      return envelope.value as StagedUploadInfo;
    } finally {
      this.senders.delete(id);
    }
  }

  /** Asks the host to close the vault cleanly and exit; resolves once it has gone. */
  async shutdown(timeoutMs = 30_000): Promise<void> {
    if (this.gone) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => this.onStopped(() => resolve()));
    const id = this.nextId++;
    void this.request(id, () => this.host.post({ t: 'shutdown', id }));
    const timer = setTimeout(() => {
      this.logger.error('runtime host did not stop in time; ending it');
      this.host.kill();
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the host at once (tests; a front that cannot wait). */
  kill(): void {
    this.host.kill();
  }

  private request(id: number, send: () => void): Promise<Envelope> {
    if (this.gone) return Promise.resolve(stoppedEnvelope());
    return new Promise<Envelope>((resolve) => {
      this.pending.set(id, resolve);
      send();
    });
  }

  private post(message: Parameters<HostProcess['post']>[0]): void {
    if (!this.gone) this.host.post(message);
  }

  private receive(message: Exclude<FromHost, { t: 'ready' }>): void {
    switch (message.t) {
      case 'reply': {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.envelope as Envelope);
        return;
      }
      case 'event':
        if (message.event === 'vault.changed') {
          this.vaultPath = (message.payload as { path: string | null }).path;
        }
        this.events.emit(message.event as EventName, message.payload as never);
        return;
      case 'chunk':
        this.receivers.get(message.id)?.chunk(message.data);
        return;
      case 'end':
        this.receivers.get(message.id)?.end();
        return;
      case 'abort':
        this.receivers.get(message.id)?.abort(message.error);
        return;
      case 'credit':
        this.senders.get(message.id)?.grant(message.chunks);
        return;
      case 'cancel':
        this.senders.get(message.id)?.cancel();
        return;
    }
  }

  private failEverything(code: number | null, signal: string | null): void {
    const expected = this.stopping;
    const envelope = stoppedEnvelope();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const settle of pending) settle(envelope);
    const error: ApiError = envelope.error;
    for (const receiver of [...this.receivers.values()]) receiver.abort(error);
    this.receivers.clear();
    for (const sender of this.senders.values()) sender.cancel();
    const path = this.vaultPath;
    this.vaultPath = null;
    if (!expected) {
      this.logger.error('runtime host stopped unexpectedly', {
        code,
        signal,
        pending: pending.length,
      });
      this.events.emit('runtime.stopped', { path, message: HOST_STOPPED_MESSAGE });
    }
    for (const listener of [...this.stoppedListeners]) listener({ expected, code, signal, path });
  }
}

export interface RelayStopped {
  /** A shutdown was asked for (quit, `attest serve` stopping), so this is no crash. */
  expected: boolean;
  code: number | null;
  signal: string | null;
  /** The vault that was open when it stopped. */
  path: string | null;
}

function stoppedEnvelope(): Extract<Envelope, { ok: false }> {
  return { ok: false, error: { code: 'host_stopped', message: HOST_STOPPED_MESSAGE } };
}

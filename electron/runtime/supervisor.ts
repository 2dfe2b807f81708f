import type { Readable } from 'node:stream';
import type { Envelope } from '../../shared/api/index';
import type { Logger } from '../platform/logger';
import type { CallerKind, StagedUploadInfo, VaultBackend } from '../rpc/backend';
import { EventBus } from '../rpc/events';
import type { ReadHead, ReadSource } from '../rpc/read-source';
import { DEFAULT_UPLOAD_LIMIT } from '../rpc/uploads';
import type { HostInit, HostProcess } from './protocol';
import { RuntimeRelay } from './relay';

/**
 * The front's runtime: a host process behind a relay, started at once and started again on the
 * next call after it died (the crashed one already failed its pending calls and announced
 * `runtime.stopped`). Events of every generation come out of one bus, and grants are replayed
 * to a new host, so the window's "Reopen the vault" works without asking again.
 */
export class HostSupervisor implements VaultBackend {
  readonly events = new EventBus();
  readonly uploadLimitBytes: number | null;
  private relay: RuntimeRelay;
  private readonly granted = new Set<string>();
  private closed = false;

  constructor(
    private readonly spawn: () => HostProcess,
    private readonly init: HostInit,
    readonly logger: Logger,
  ) {
    this.uploadLimitBytes = init.uploads ? (init.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT) : null;
    this.relay = this.startRelay();
  }

  /** Resolves once the first host is up; rejects (host_stopped) if it died starting. */
  whenReady(): Promise<void> {
    return this.relay.whenReady();
  }

  /** The relay of the host now running (tests, benchmarks). */
  get current(): RuntimeRelay {
    return this.relay;
  }

  /** The open vault, as the host last announced it. */
  get vaultPath(): string | null {
    return this.relay.alive ? this.relay.vaultPath : null;
  }

  async call(method: string, input: unknown, caller: CallerKind): Promise<Envelope> {
    const relay = await this.live();
    return relay.call(method, input, caller);
  }

  grant(paths: readonly string[]): void {
    for (const path of paths) this.granted.add(path);
    this.relay.grant(paths);
  }

  async read(source: ReadSource): Promise<{ head: ReadHead; stream: Readable }> {
    return (await this.live()).read(source);
  }

  async upload(body: Readable, fileName: string): Promise<StagedUploadInfo> {
    return (await this.live()).upload(body, fileName);
  }

  /** Closes the vault cleanly and ends the host; no new host starts after this. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await this.relay.shutdown();
  }

  private async live(): Promise<RuntimeRelay> {
    if (!this.relay.alive && !this.closed) {
      this.logger.info('starting a new runtime host after the last one stopped');
      this.relay = this.startRelay();
    }
    // A host that dies while starting fails the call through the relay (host_stopped).
    await this.relay.whenReady().catch(() => {});
    return this.relay;
  }

  private startRelay(): RuntimeRelay {
    const relay = new RuntimeRelay(this.spawn(), this.init, this.logger);
    relay.events.listen((event, payload) => this.events.emit(event, payload));
    if (this.granted.size > 0) relay.grant([...this.granted]);
    return relay;
  }
}

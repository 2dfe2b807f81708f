import { IPC_EVENT, IPC_GRANT, IPC_INVOKE } from '../../shared/api/bridge';
import type { EventName } from '../../shared/api/events';
import type { Envelope } from '../../shared/api/index';
import { validationError } from '../../shared/api/errors';
import type { VaultBackend } from './backend';

/**
 * The IPC transport (DESIGN §2): `ipcMain.handle('attest:invoke')` in front of the one
 * dispatcher (in the runtime host, through its relay), and the contract's events pushed to the
 * windows. Deliberately free of any
 * `electron` import, so it is tested under Node against a fake `ipcMain`.
 */

/** The part of an `IpcMainInvokeEvent` this adapter reads. */
export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` this adapter uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => void): void;
  removeAllListeners(channel: string): void;
}

/** What travels on `attest:event`. */
export interface IpcEventMessage {
  event: EventName;
  payload: unknown;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  /** Calls and events: the runtime host's relay (desktop), or a runtime in process (tests). */
  backend: Pick<VaultBackend, 'call' | 'events' | 'logger'>;
  /** Whether the sending frame's URL is our own UI (`app://attest/…`). */
  isTrustedSender(frameUrl: string): boolean;
  /** Delivers an event to the app's windows (main decides which ones). */
  send(channel: typeof IPC_EVENT, message: IpcEventMessage): void;
  /** Records paths the user dropped on the window: what `ipc` calls may name from then on. */
  grant(paths: string[]): void;
}

/** The URL of the frame that sent an IPC message, or '' when it is gone (navigated, destroyed). */
export function senderFrameUrl(event: IpcInvokeEventLike): string {
  try {
    return event.senderFrame?.url ?? '';
  } catch {
    // Reading a disposed WebFrameMain throws; a frame that is gone is not trusted.
    return '';
  }
}

/**
 * A frame that is not our UI gets an error envelope rather than a thrown error: the bridge's
 * `invoke` then always resolves to an envelope, and nothing about the refusal (a stack, the
 * handler's existence) leaks beyond this message. The refused call is never dispatched.
 */
export const REFUSED_SENDER: Envelope = {
  ok: false,
  error: { code: 'internal', message: 'This window is not allowed to call Attest.' },
};

/** Registers the invoke handler and the event forwarding; returns a function that undoes both. */
export function registerIpc(options: IpcOptions): () => void {
  const { ipcMain, backend, isTrustedSender, send, grant } = options;

  ipcMain.handle(IPC_INVOKE, async (event, request: unknown): Promise<Envelope> => {
    const frameUrl = senderFrameUrl(event);
    if (!isTrustedSender(frameUrl)) {
      backend.logger.warn('ipc call refused: untrusted sender', {
        frameUrl: frameUrl.slice(0, 200),
      });
      return REFUSED_SENDER;
    }
    if (!isInvokeRequest(request)) {
      return {
        ok: false,
        error: validationError([
          { path: ['method'], message: 'Expected { method: string, input }' },
        ]).toApiError(),
      };
    }
    return backend.call(request.method, request.input, 'ipc');
  });

  // Dropped files, as the preload resolved them: only our own window may grant paths.
  ipcMain.on(IPC_GRANT, (event, paths: unknown) => {
    if (!isTrustedSender(senderFrameUrl(event))) return;
    if (!Array.isArray(paths)) return;
    grant(
      paths.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096),
    );
  });

  const unlisten = backend.events.listen((event, payload) => {
    send(IPC_EVENT, { event, payload });
  });

  return () => {
    unlisten();
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeAllListeners(IPC_GRANT);
  };
}

function isInvokeRequest(value: unknown): value is { method: string; input: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { method?: unknown }).method === 'string'
  );
}

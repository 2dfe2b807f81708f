import type { FileFilter, HostBridge } from '../../shared/api/bridge';
import type { ApiError } from '../../shared/api/errors';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { Envelope } from '../../shared/api/index';
import { ApiCallError } from './errors';
import type { Transport, UploadOptions } from './transport';

type Listener = (payload: never) => void;

const RECONNECT_DELAY_MS = 2000;

/** What a transport failure (not a dispatched error) means to the user. */
export function transportError(status: number): ApiError {
  if (status === 401 || status === 403) {
    return {
      code: 'io',
      message:
        'This tab is no longer connected to Attest. Open the link that “attest serve” printed again.',
    };
  }
  if (status === 413) {
    return { code: 'validation', message: 'That is larger than Attest accepts in one request.' };
  }
  return {
    code: 'internal',
    message: `Attest answered in a way this window does not understand (HTTP ${status}). Reload the page.`,
  };
}

/**
 * The browser transport for `attest serve`: same-origin `POST /rpc/<method>`, one
 * `EventSource('/events')` shared by every subscriber, `POST /upload` for files, and browser
 * fallbacks for what only the desktop can do.
 */
export function httpTransport(): Transport {
  const listeners = new Map<EventName, Set<Listener>>();
  const reconnectListeners = new Set<() => void>();
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  function attach(es: EventSource, event: EventName) {
    es.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const l of listeners.get(event) ?? []) (l as (p: unknown) => void)(payload);
    });
  }

  function connect() {
    const es = new EventSource('/events');
    source = es;
    for (const event of listeners.keys()) attach(es, event);
    // Every (re)connection may follow missed events: the first one too, since whatever
    // happened between page load and the stream opening was not heard.
    es.onopen = () => {
      for (const l of reconnectListeners) l();
    };
    es.onerror = () => {
      // The browser retries by itself unless the server refused the stream outright.
      if (es.readyState === EventSource.CLOSED && retry === undefined) {
        retry = setTimeout(() => {
          retry = undefined;
          connect();
        }, RECONNECT_DELAY_MS);
      }
    };
  }

  /**
   * One file to `POST /upload`, through XMLHttpRequest rather than fetch: fetch reports nothing
   * while a request body is sent, and a multi-GB file takes a while even on loopback, so the
   * caller shows how far it is and can cancel it.
   */
  function upload(file: File, options: UploadOptions = {}): Promise<string> {
    const { signal, onSent } = options;
    return new Promise<string>((resolve, reject) => {
      const cancelled = () =>
        new ApiCallError({ code: 'cancelled', message: `Cancelled while sending ${file.name}.` });
      if (signal?.aborted) return reject(cancelled());
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.withCredentials = true;
      xhr.responseType = 'text';
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      xhr.upload.onprogress = (e) => onSent?.(e.loaded);
      xhr.onabort = () => {
        done();
        reject(cancelled());
      };
      xhr.onerror = () => {
        done();
        reject(
          new ApiCallError({
            code: 'io',
            message: `${file.name} could not be sent to Attest. Check that it is still running.`,
          }),
        );
      };
      xhr.onload = () => {
        done();
        const body = parseUploadAnswer(xhr.responseText);
        if (body?.error) return reject(new ApiCallError(body.error));
        if (xhr.status < 200 || xhr.status >= 300 || typeof body?.uploadId !== 'string')
          return reject(new ApiCallError(transportError(xhr.status)));
        onSent?.(file.size);
        resolve(body.uploadId);
      };
      xhr.send(file);
    });
  }

  const host: HostBridge = {
    kind: 'browser',
    async pickFiles(options) {
      const files = await chooseFiles(options.multiple ?? false, options.filters);
      if (!files) return null;
      const ids: string[] = [];
      for (const file of files) ids.push(await upload(file));
      return ids;
    },
    // The caller offers a download instead.
    pickSavePath: async () => null,
    // The UI lists `vault.available` and asks for a file name inside ATTEST_HOME instead.
    pickVault: async () => null,
    pickNewVaultPath: async () => null,
    // Dropped files have no path in a browser: they are uploaded instead.
    pathsForDroppedFiles: () => [],
    // There is no folder to show from a browser tab; the UI hides the action.
    revealInFolder: async () => {},
    async openExternal(url) {
      if (new URL(url).protocol !== 'https:') return;
      window.open(url, '_blank', 'noopener,noreferrer');
    },
  };

  return {
    host,
    upload,
    async invoke(method, input): Promise<Envelope> {
      const res = await fetch(`/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      if (res.status !== 200) return { ok: false, error: transportError(res.status) };
      return (await res.json()) as Envelope;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        if (source) attach(source, event);
      }
      set.add(listener as Listener);
      if (!source) connect();
      return () => {
        set.delete(listener as Listener);
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

/** A hidden `<input type=file>`; resolves null when the user cancels. */
function chooseFiles(multiple: boolean, filters?: FileFilter[]): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.hidden = true;
    const extensions = filters?.flatMap((f) => f.extensions).filter((e) => e !== '*') ?? [];
    if (extensions.length > 0) input.accept = extensions.map((e) => `.${e}`).join(',');
    const done = (files: File[] | null) => {
      input.remove();
      resolve(files && files.length > 0 ? files : null);
    };
    input.addEventListener('change', () => done(input.files ? [...input.files] : null));
    input.addEventListener('cancel', () => done(null));
    document.body.append(input);
    input.click();
  });
}

/** The server's answer to an upload: `{ uploadId }` or `{ error }`; null when it is neither. */
function parseUploadAnswer(text: string): { uploadId?: string; error?: ApiError } | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null
      ? (body as { uploadId?: string; error?: ApiError })
      : null;
  } catch {
    return null;
  }
}

import { createClient, type ApiClient } from './client';
// (Named http-transport, not http: the lint rule that keeps Node's `http` out of renderer/
// matches any import path ending in /http.)
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc';
import type { Transport } from './transport';

export { ApiCallError, isApiCallError, toApiCallError } from './errors';
export type { ApiClient, RunJobOptions } from './client';

/** Chosen once, at startup: the desktop bridge when the preload provided one, else HTTP. */
function chooseTransport(): Transport {
  return window.attest ? ipcTransport(window.attest) : httpTransport();
}

/** The window's API client: made once by `main.tsx`, handed down by `ApiProvider`. */
export function createWindowClient(): ApiClient {
  return createClient(chooseTransport());
}

let installed: ApiClient | null = null;

/** Makes `client` the one that the not-yet-migrated stores reach through `api`. */
export function installApi(client: ApiClient): void {
  installed = client;
}

/**
 * The installed client, for code that has not moved to `useApi()` and the query cache yet.
 * Nothing is created on import: `main.tsx` (or a test) installs the client first.
 */
export const api: ApiClient = new Proxy({} as ApiClient, {
  get(_target, key: keyof ApiClient) {
    if (!installed) throw new Error('The API client is used before main.tsx installed it');
    return installed[key];
  },
});

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

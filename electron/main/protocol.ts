import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { isAttestError } from '../../shared/api/errors';
import type { VaultBackend } from '../rpc/backend';
import {
  type AppRoute,
  blobHeaders,
  errorHeaders,
  packageFileHeaders,
  routeAppRequest,
  uiHeaders,
} from './app-request';
import { APP_SCHEME } from './trust';

/**
 * The `app://` protocol: the UI is served from the built files, never from http, and stored files
 * are streamed from the open vault, through the runtime host's relay (flow-controlled: the host
 * reads ahead only as far as the window consumes). The decisions live in app-request.ts (tested); this is I/O.
 */

/** Must run before the app is ready. `standard` + `secure` give the UI a real, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer), inside the asar when packaged. */
  uiRoot: string;
  /** Stored bytes: the runtime host's relay. */
  backend: Pick<VaultBackend, 'read'>;
}

export function serveAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => respond(request, options));
}

async function respond(
  request: Request,
  { uiRoot, backend }: AppProtocolOptions,
): Promise<Response> {
  const route = routeAppRequest(request.url, request.method, uiRoot);
  const head = request.method === 'HEAD';
  switch (route.kind) {
    case 'ui':
      return serveUiFile(route.file, head);
    case 'blob':
      return serveBlob(backend, route, head);
    case 'package-file':
      return servePackageFile(backend, route, head);
    case 'method_not_allowed':
      return plain(405, 'Method not allowed');
    case 'not_found':
      return plain(404, 'Not found');
  }
}

async function serveUiFile(file: string, head: boolean): Promise<Response> {
  let bytes: Buffer;
  try {
    // Electron's fs reads inside app.asar transparently; UI files are small enough to buffer.
    bytes = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(head ? null : new Uint8Array(bytes), {
    status: 200,
    headers: uiHeaders(file),
  });
}

async function serveBlob(
  backend: Pick<VaultBackend, 'read'>,
  route: Extract<AppRoute, { kind: 'blob' }>,
  head: boolean,
): Promise<Response> {
  let opened;
  try {
    opened = await backend.read({ kind: 'blob', blobId: route.blobId });
  } catch (e) {
    return plain(404, isAttestError(e) && e.code === 'no_vault' ? 'No vault is open' : 'Not found');
  }
  const headers = blobHeaders({ ...route, size: opened.head.size });
  if (head) {
    opened.stream.destroy(); // nothing is sent: the host stops reading
    return new Response(null, { status: 200, headers });
  }
  // Chunk by chunk from the host: memory stays flat whatever the file size.
  const body = Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

/** 404 for a path the package does not list; 409 when none is open or the zip changed. */
async function servePackageFile(
  backend: Pick<VaultBackend, 'read'>,
  route: Extract<AppRoute, { kind: 'package-file' }>,
  head: boolean,
): Promise<Response> {
  let opened;
  try {
    opened = await backend.read({ kind: 'package-file', path: route.path });
  } catch (e) {
    if (isAttestError(e) && e.code === 'conflict') return plain(409, e.message);
    return plain(404, 'Not found');
  }
  const headers = packageFileHeaders({
    fileName: opened.head.fileName ?? 'file',
    size: opened.head.size,
    download: route.download,
  });
  if (head) {
    opened.stream.destroy();
    return new Response(null, { status: 200, headers });
  }
  const body = Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: errorHeaders() });
}

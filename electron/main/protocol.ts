import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { blobReadStream, getBlob } from '../db/blobs';
import type { RpcContext } from '../rpc/context';
import {
  type AppRoute,
  blobHeaders,
  errorHeaders,
  routeAppRequest,
  uiHeaders,
} from './app-request';
import { APP_SCHEME } from './trust';

/**
 * The `app://` protocol: the UI is served from the built files, never from http, and stored files
 * are streamed from the open vault. The decisions live in app-request.ts (tested); this is I/O.
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
  ctx: RpcContext;
}

export function serveAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => respond(request, options));
}

async function respond(request: Request, { uiRoot, ctx }: AppProtocolOptions): Promise<Response> {
  const route = routeAppRequest(request.url, request.method, uiRoot);
  const head = request.method === 'HEAD';
  switch (route.kind) {
    case 'ui':
      return serveUiFile(route.file, head);
    case 'blob':
      return serveBlob(ctx, route, head);
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

function serveBlob(
  ctx: RpcContext,
  route: Extract<AppRoute, { kind: 'blob' }>,
  head: boolean,
): Response {
  const vault = ctx.vault;
  if (!vault) return plain(404, 'No vault is open');
  let size: number;
  try {
    size = getBlob(vault.db, route.blobId).size;
  } catch {
    return plain(404, 'Not found');
  }
  const headers = blobHeaders({ ...route, size });
  if (head) return new Response(null, { status: 200, headers });
  // Chunk by chunk from SQLite: memory stays flat whatever the file size.
  const body = Readable.toWeb(blobReadStream(vault.db, route.blobId)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: errorHeaders() });
}

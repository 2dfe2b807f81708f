import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttestError } from '../../shared/api/errors';
import { SECURITY_HEADERS } from '../platform/csp';
import type { VaultBackend } from './backend';
import { HttpAuth } from './http-auth';
import { handleBlob, handleOutput, handlePackageFile, handleUpload } from './http-bytes';
import { DEFAULT_HTTP_LIMITS, type HttpLimits, SlowBodyGuard } from './http-limits';
import { NOT_SIGNED_IN_PAGE, wantsHtml } from './http-pages';
import { sendHtml, sendText } from './http-respond';
import { handleRpc } from './http-rpc';
import { SseHub } from './http-sse';
import { defaultUiDir, serveStatic } from './http-static';

export interface HttpServerOptions {
  /**
   * What serves the calls and bytes: the runtime host's relay under `attest serve`, or a runtime
   * in this process (tests: `localBackend(ctx)` from local-backend.ts, kept out of this module so
   * the `attest serve` parent does not load the core the host runs).
   */
  backend: VaultBackend;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built UI; `ATTEST_UI_DIR` or `<repo>/dist/renderer` when not given. */
  uiDir?: string;
  /** Loopback only, by design: the server is for this machine's browser alone. */
  host?: '127.0.0.1';
  /** For tests: how often SSE streams get a keep-alive comment. */
  heartbeatMs?: number;
  /** Connection and timeout limits; the defaults suit a browser on this machine. */
  limits?: Partial<HttpLimits>;
}

export type { HttpLimits };

export interface RunningHttpServer {
  /** `http://127.0.0.1:<port>/`, without credentials. */
  url: string;
  /** The address to open once: carries the one-time token. */
  tokenUrl: string;
  port: number;
  /** How many connections are open right now. */
  openConnections(): Promise<number>;
  /** Ends event streams and open connections, then stops listening. Leaves the backend running. */
  close(): Promise<void>;
}

/**
 * The HTTP transport behind `attest serve` (DESIGN §2): the same dispatcher as IPC, plus the
 * byte routes browser mode needs, behind loopback + Host/Origin checks + a cookie obtained with
 * a one-time token (see http-auth.ts).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const backend = options.backend;
  const logger = backend.logger;
  const host = options.host ?? '127.0.0.1';
  const uiDir = options.uiDir ?? defaultUiDir();
  const sse = new SseHub(backend.events, options.heartbeatMs);
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const bodies = new SlowBodyGuard(limits);
  let auth: HttpAuth | null = null;

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // Off: it would count an upload of several GiB as one slow request. SlowBodyGuard times
      // request bodies instead (and never a response, so event streams live on).
      requestTimeout: 0,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
    },
    (req, res) => {
      bodies.watch(req, res);
      if (!auth) {
        sendText(res, 503, 'Starting; try again.');
        return;
      }
      route(auth, req, res).catch((e: unknown) => {
        if (!req.destroyed) logger.error('http request failed', { error: String(e) });
        if (!res.headersSent) sendText(res, 500, 'Something went wrong inside Attest.');
        else res.destroy();
      });
    },
  );
  server.maxConnections = limits.maxConnections;

  async function route(auth: HttpAuth, req: IncomingMessage, res: ServerResponse) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');

    if (!auth.hostAllowed(req)) return sendText(res, 403, 'Forbidden: unexpected Host header.');
    if (!auth.originAllowed(req)) return sendText(res, 403, 'Forbidden: cross-origin request.');

    const { path, query } = splitUrl(req.url ?? '/');
    const token = query.get('token');
    if (token !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      return exchangeToken(auth, req, res, path, query, token);
    }
    if (!auth.hasSession(req)) return unauthorized(req, res);

    const rpc = /^\/rpc\/([^/]+)$/.exec(path);
    if (rpc) return handleRpc(backend, req, res, rpc[1]!);
    if (path === '/events') return sse.handle(req, res);
    if (path === '/upload') {
      bodies.allowUpload(req);
      return handleUpload(backend, req, res, query);
    }
    const blob = /^\/blob\/([^/]+)$/.exec(path);
    if (blob) return handleBlob(backend, req, res, blob[1]!, query);
    const output = /^\/outputs\/(out_[0-9a-f]{1,40})$/.exec(path);
    if (output) return handleOutput(backend, req, res, output[1]!);
    const packageFile = /^\/package-file\/(.+)$/.exec(path);
    if (packageFile) return handlePackageFile(backend, req, res, packageFile[1]!, query);
    if (/^\/(rpc|blob|upload|events|outputs|package-file)(\/|$)/.test(path))
      return sendText(res, 404, 'Not found.');
    return serveStatic(uiDir, req, res, path);
  }

  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  auth = new HttpAuth(port);
  const url = `http://${host}:${port}/`;
  logger.info('http server listening', { port });
  return {
    url,
    tokenUrl: `${url}?token=${auth.pendingToken}`,
    port,
    openConnections() {
      return new Promise<number>((resolve, reject) =>
        server.getConnections((e, n) => (e ? reject(e) : resolve(n))),
      );
    },
    async close() {
      bodies.close();
      sse.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      logger.info('http server closed', { port });
    },
  };
}

/**
 * Spends the token for a session cookie and redirects to the same address without it, so the
 * token leaves the address bar and history. A spent token from a browser that already has the
 * session (the printed address opened again) just gets the redirect.
 */
function exchangeToken(
  auth: HttpAuth,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  token: string,
): void {
  const cookie = auth.exchangeToken(token);
  if (cookie === null && !auth.hasSession(req)) return unauthorized(req, res);
  query.delete('token');
  const rest = query.toString();
  // Collapse leading slashes and backslashes: `//evil.example` or `/\evil.example` as a
  // Location would send the browser to another host.
  const location = '/' + path.replace(/^[/\\]+/, '') + (rest ? `?${rest}` : '');
  res.writeHead(302, { Location: location, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
}

function unauthorized(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'GET' && wantsHtml(req.headers.accept)) {
    sendHtml(res, 401, NOT_SIGNED_IN_PAGE);
  } else {
    sendText(res, 401, 'Not signed in: open the address printed by `attest serve`.');
  }
}

/** Path and query of a request target, without trusting it to be a well-formed URL. */
function splitUrl(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        reject(
          new AttestError(
            'io',
            `Port ${port} is already in use; choose another with --port, or --port 0 for any free port.`,
          ),
        );
      } else if (e.code === 'EACCES') {
        reject(new AttestError('io', `Not allowed to listen on port ${port}; choose another.`));
      } else {
        reject(e);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

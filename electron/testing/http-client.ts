import { request } from 'node:http';
import type { Envelope, Input, MethodName } from '../../shared/api/index';

export interface HttpTestClient {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  baseUrl: string;
  /** The `name=value` session cookie to send with every request. */
  cookie: string;
  /** Calls a contract method over `POST /rpc/<method>`; throws on anything but 200. */
  call<M extends MethodName>(method: M, input?: Input<M>): Promise<Envelope>;
  call(method: string, input?: unknown): Promise<Envelope>;
  /** fetch() against the server with the session cookie; `path` starts with `/`. */
  raw(path: string, init?: RequestInit): Promise<Response>;
  /** Subscribes to `GET /events` and collects what arrives. */
  events(): Promise<EventStream>;
}

export interface ServerEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  readonly received: ServerEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (e: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  close(): void;
}

/**
 * Signs in like a browser would: opens the printed token URL without following the redirect,
 * keeps the session cookie it sets, and checks the redirect drops the token.
 */
export async function connect(tokenUrl: string): Promise<HttpTestClient> {
  const url = new URL(tokenUrl);
  const res = await fetch(url, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`token exchange answered ${res.status}, not 302`);
  const location = res.headers.get('location') ?? '';
  if (location.includes('token=')) throw new Error(`redirect keeps the token: ${location}`);
  const setCookie = res.headers.getSetCookie()[0];
  if (!setCookie) throw new Error('token exchange set no cookie');
  const cookie = setCookie.split(';')[0]!.trim();
  const baseUrl = url.origin;

  const raw = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init, headers });
  };
  const call = async (method: string, input?: unknown): Promise<Envelope> => {
    const r = await raw(`/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    if (r.status !== 200) throw new Error(`${method} answered HTTP ${r.status}: ${await r.text()}`);
    return (await r.json()) as Envelope;
  };
  const events = () => openEvents(Number(url.port), cookie);
  return { baseUrl, cookie, call, raw, events };
}

/** A minimal SSE reader (node:http, so the test controls when the connection ends). */
function openEvents(port: number, cookie: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const received: ServerEvent[] = [];
    const waiters = new Set<() => void>();
    const req = request(
      { host: '127.0.0.1', port, path: '/events', headers: { cookie } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET /events answered ${res.statusCode}`));
          res.resume();
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          buffer += text;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event !== undefined && data !== undefined) {
              received.push({ event, data: JSON.parse(data) as unknown });
              for (const wake of [...waiters]) wake();
            }
          }
        });
        resolve({
          received,
          close: () => req.destroy(),
          waitFor: (match, timeoutMs = 10_000) =>
            new Promise((found, fail) => {
              const check = () => {
                const hit = received.find(match);
                if (!hit) return;
                waiters.delete(check);
                clearTimeout(timer);
                found(hit);
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(
                  new Error(`no matching event in ${timeoutMs} ms: ${JSON.stringify(received)}`),
                );
              }, timeoutMs);
              waiters.add(check);
              check();
            }),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A request with exactly the headers given (fetch would fix up `Host` and normalise the path),
 * for testing what a hostile client or a DNS-rebinding page could send.
 */
export function rawRequest(options: {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: !(options.headers && Object.keys(options.headers).some(isHost)),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function isHost(name: string): boolean {
  return name.toLowerCase() === 'host';
}

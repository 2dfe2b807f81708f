import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to `attest serve` (DESIGN §2). The server is bound to 127.0.0.1, but any web page
 * the user visits can still send requests there, and DNS rebinding can make a hostile name
 * resolve to it. So:
 * - `Host` must name this server exactly (defeats DNS rebinding);
 * - `Origin`, when a browser sends one, must be this server (defeats cross-site requests);
 * - every request needs the session cookie, which only the holder of the printed one-time token
 *   can obtain; the token is spent by its first use, so a URL left in shell history, a log or a
 *   screenshot is worthless afterwards.
 */
export class HttpAuth {
  /** Cookies are not port-scoped: the port in the name keeps two servers from clobbering each other. */
  readonly cookieName: string;
  private token: string | null = randomSecret();
  private sessionId: string | null = null;

  constructor(readonly port: number) {
    this.cookieName = `attest_session_${port}`;
  }

  /** The one-time token, for the printed URL. Null once spent. */
  get pendingToken(): string | null {
    return this.token;
  }

  /** `Host` is exactly `127.0.0.1:<port>` or `localhost:<port>`. */
  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`;
  }

  /** No `Origin` (same-origin navigation, non-browser clients), or one of this server's two. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    const o = origin.toLowerCase();
    return o === `http://127.0.0.1:${this.port}` || o === `http://localhost:${this.port}`;
  }

  /**
   * Spends the token if `offered` matches it and returns a `Set-Cookie` value for a new session
   * (a separate random id, so the token never doubles as a credential). Null when the token is
   * wrong or already spent.
   */
  exchangeToken(offered: string): string | null {
    if (this.token === null || !sameSecret(offered, this.token)) return null;
    this.token = null;
    this.sessionId = randomSecret();
    return `${this.cookieName}=${this.sessionId}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** True when the request carries the session cookie. */
  hasSession(req: IncomingMessage): boolean {
    if (this.sessionId === null) return false;
    const offered = readCookie(req.headers.cookie, this.cookieName);
    return offered !== null && sameSecret(offered, this.sessionId);
  }
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal. */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

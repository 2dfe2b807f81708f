import { basename } from 'node:path';
import { SECURITY_HEADERS } from '../platform/csp';
import { contentTypeFor, resolveStaticPath, safeInline } from '../platform/static-path';
import { APP_HOST, APP_SCHEME } from './trust';

/**
 * What an `app://` request is, decided without touching Electron or the disk, so the rules are
 * unit-tested: `app://attest/blob/<id>` streams a stored file from the open vault,
 * `app://attest/package-file/<path>` a file of the audit package open in auditor mode, any other
 * `app://attest/<path>` is a file of the built UI (path-traversal checked), everything else 404.
 */
export type AppRoute =
  | { kind: 'ui'; file: string }
  | { kind: 'blob'; blobId: number; fileName: string | null; download: boolean }
  | { kind: 'package-file'; path: string; download: boolean }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed' };

const BLOB_PATH = /^\/blob\/([1-9][0-9]{0,15})$/;

export function routeAppRequest(url: string, method: string, uiRoot: string): AppRoute {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'method_not_allowed' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not_found' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { kind: 'not_found' };

  const blob = BLOB_PATH.exec(parsed.pathname);
  if (blob) {
    const blobId = Number(blob[1]);
    if (!Number.isSafeInteger(blobId)) return { kind: 'not_found' };
    return {
      kind: 'blob',
      blobId,
      fileName: safeFileName(parsed.searchParams.get('name')),
      download: parsed.searchParams.get('download') === '1',
    };
  }
  if (parsed.pathname.startsWith('/blob/')) return { kind: 'not_found' };
  if (parsed.pathname.startsWith('/package-file/')) {
    let path: string;
    try {
      path = decodeURIComponent(parsed.pathname.slice('/package-file/'.length));
    } catch {
      return { kind: 'not_found' };
    }
    // The runtime checks the path against the manifest; this only keeps out what no package holds.
    if (path === '' || path.includes('\u0000')) return { kind: 'not_found' };
    return { kind: 'package-file', path, download: parsed.searchParams.get('download') === '1' };
  }

  const file = resolveStaticPath(uiRoot, parsed.pathname);
  return file ? { kind: 'ui', file } : { kind: 'not_found' };
}

/** Headers for a file of the UI: the one CSP and the other security headers, always. */
export function uiHeaders(file: string): Record<string, string> {
  return { 'Content-Type': contentTypeFor(file), ...SECURITY_HEADERS };
}

/** Headers for a response that has no file behind it (404, 405). */
export function errorHeaders(): Record<string, string> {
  return { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS };
}

/**
 * Stored bytes are shown, never run: a `sandbox` CSP without `allow-scripts` turns even an HTML
 * or SVG file into an inert document with an opaque origin that cannot reach the bridge.
 */
export const BLOB_CONTENT_SECURITY_POLICY =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

export function blobHeaders(blob: {
  blobId: number;
  size: number;
  fileName: string | null;
  download: boolean;
}): Record<string, string> {
  const name = blob.fileName ?? `file-${blob.blobId}`;
  return {
    ...SECURITY_HEADERS,
    'Content-Type': blob.fileName ? contentTypeFor(blob.fileName) : 'application/octet-stream',
    'Content-Length': String(blob.size),
    'Content-Disposition': contentDisposition(blob.download ? 'attachment' : 'inline', name),
    'Content-Security-Policy': BLOB_CONTENT_SECURITY_POLICY,
    // Blob ids are per vault: id 7 in one vault is another file in the next one. Never cache.
    'Cache-Control': 'no-store',
  };
}

/** Headers for a file of the open audit package: the blob's sandbox and no-store, always. */
export function packageFileHeaders(file: {
  fileName: string;
  size: number;
  download: boolean;
}): Record<string, string> {
  const inline = !file.download && safeInline(file.fileName);
  return {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file.fileName),
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.fileName),
    'Content-Security-Policy': BLOB_CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  };
}

/** RFC 6266: an ASCII fallback plus the exact name in RFC 5987 encoding. */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(fileName)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A display name only: no folders, no control characters, bounded length. */
function safeFileName(name: string | null): string | null {
  if (!name) return null;
  const cleaned = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return cleaned.slice(0, 255);
}

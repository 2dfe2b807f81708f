import { extname, resolve, sep } from 'node:path';

/**
 * Maps a URL path onto a file under `root`, or null when it would leave `root` (`..`, encoded
 * separators, NUL bytes, absolute paths). Used by the desktop `app://` protocol and by
 * `attest serve` alike. `/` and unknown extension-less routes map to index.html (the UI uses a
 * hash router, so this only matters for a reload).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\u0000') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..')) return null;
  const base = resolve(root);
  const target = resolve(base, relative === '' ? 'index.html' : relative);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.md': 'text/markdown; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Types a browser shows as a document or a picture without running anything: a file of an audit
 * package is shown inline only when it is one of these, and downloaded otherwise.
 */
const SAFE_INLINE = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'text/markdown',
]);

export function safeInline(path: string): boolean {
  return SAFE_INLINE.has(contentTypeFor(path).split(';')[0]!);
}

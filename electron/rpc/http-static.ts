import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { contentTypeFor, resolveStaticPath } from '../platform/static-path';
import { UI_NOT_BUILT_PAGE } from './http-pages';
import { sendHtml, sendText } from './http-respond';

/** `<repo>/dist/renderer` (what `npm run build:renderer` writes), or `ATTEST_UI_DIR`. */
export function defaultUiDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ATTEST_UI_DIR) return resolve(env.ATTEST_UI_DIR);
  return fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
}

/**
 * The built UI, with the same path check as the desktop `app://` protocol. The security headers
 * (the one CSP) are already set on the response by the server. A missing build gets a page that
 * says how to make one; it is checked per request so a build made while serving just works.
 */
export async function serveStatic(
  uiDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET is supported here.', { Allow: 'GET, HEAD' });
    return;
  }
  const index = join(uiDir, 'index.html');
  if (!isFile(index)) {
    sendHtml(res, 503, UI_NOT_BUILT_PAGE);
    return;
  }
  const target = resolveStaticPath(uiDir, urlPath);
  if (target === null) {
    sendText(res, 404, 'Not found.');
    return;
  }
  // The UI uses a hash router, so extension-less paths only arrive on a reload: show the app.
  const file = isFile(target) ? target : extname(target) === '' ? index : null;
  if (file === null) {
    sendText(res, 404, 'Not found.');
    return;
  }
  const size = statSync(file).size;
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(size),
    'Cache-Control': cacheControlFor(uiDir, file),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}

/**
 * The build names every file under `assets/` by a hash of its content, so a name never stands for
 * other bytes: the browser may keep it, and its compiled code, instead of fetching and compiling
 * it again at every load and reload. `index.html` names the current ones and is always asked for.
 */
export function cacheControlFor(uiDir: string, file: string): string {
  return file.startsWith(join(uiDir, 'assets') + sep)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isAttestError } from '../../shared/api/errors';
import { contentTypeFor, safeInline } from '../platform/static-path';
import type { VaultBackend } from './backend';
import { toApiError } from './errors';
import { declaredLength, sendJson, sendText, sendTooLarge } from './http-respond';
import { sanitiseFileName } from './uploads';

/**
 * `POST /upload?name=<fileName>`: the request body, streamed into the staging area. Answers
 * `{ uploadId, fileName, size }`; the id is what file-taking methods accept as `source.uploadId`.
 * Too large — by `Content-Length` before anything is written, or by counting as it arrives —
 * answers 413 and leaves nothing in staging. Other failures answer 500 with `{ ok: false, error }`
 * (closed codes, e.g. `disk_full`).
 */
export async function handleUpload(
  backend: VaultBackend,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'POST') {
    sendText(res, 405, 'Upload with POST.', { Allow: 'POST' });
    return;
  }
  const limitBytes = backend.uploadLimitBytes;
  if (limitBytes === null) {
    sendText(res, 404, 'Uploads are not enabled on this server.');
    return;
  }
  const declared = declaredLength(req);
  if (declared !== null && declared > limitBytes) {
    sendTooLarge(res, limitBytes);
    return;
  }
  // The staging pipeline destroys its source when it refuses a file; a pass-through in between
  // keeps that from destroying the request (and its socket) before the 413 is sent.
  const body = new PassThrough();
  req.pipe(body);
  req.on('close', () => {
    if (!req.complete) body.destroy(new Error('The upload was interrupted'));
  });
  try {
    const staged = await backend.upload(body, query.get('name') ?? '');
    sendJson(res, 200, staged);
  } catch (e) {
    req.unpipe(body);
    if (req.destroyed) return; // interrupted: staging already removed the partial file
    if (isAttestError(e) && e.code === 'validation') sendTooLarge(res, limitBytes);
    else sendJson(res, 500, { ok: false, error: toApiError(e, backend.logger) });
  }
}

/** A sandboxed, script-free document: a stored HTML or SVG file is shown, never run. */
export const BLOB_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/**
 * `GET /blob/<blobId>[?download=1&name=<n>]`: stored bytes, streamed from the open vault. The
 * type comes from the name's extension (never from sniffing), and the sandbox CSP keeps any
 * active content inert when previewed inline.
 */
export async function handleBlob(
  backend: VaultBackend,
  req: IncomingMessage,
  res: ServerResponse,
  idText: string,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET') {
    sendText(res, 405, 'Read stored files with GET.', { Allow: 'GET' });
    return;
  }
  const blobId = /^[1-9]\d{0,15}$/.test(idText) ? Number(idText) : null;
  if (blobId === null || !Number.isSafeInteger(blobId)) {
    sendText(res, 404, 'No stored file with that id.');
    return;
  }
  let opened;
  try {
    opened = await backend.read({ kind: 'blob', blobId });
  } catch (e) {
    if (isAttestError(e) && e.code === 'no_vault')
      sendText(res, 409, 'No vault is open. Open one first.');
    else if (isAttestError(e) && e.code === 'not_found') sendText(res, 404, e.message);
    else sendJson(res, 500, { ok: false, error: toApiError(e, backend.logger) });
    return;
  }
  const fileName = sanitiseFileName(query.get('name') ?? `file-${blobId}`);
  const download = query.get('download') === '1';
  await sendStored(backend, req, res, opened, {
    fileName,
    disposition: download ? 'attachment' : 'inline',
    what: 'blob',
    context: { blobId },
  });
}

type Opened = Awaited<ReturnType<VaultBackend['read']>>;

/**
 * Sends bytes read through the backend under the headers every stored or generated file gets:
 * its type from its name (never sniffed), the sandbox CSP, no caching. HEAD sends the headers
 * only and stops the read. A failure mid-stream can only cut the connection (the headers are
 * gone), and is logged unless the client left first.
 */
async function sendStored(
  backend: VaultBackend,
  req: IncomingMessage,
  res: ServerResponse,
  opened: Opened,
  send: {
    fileName: string;
    disposition: 'inline' | 'attachment';
    what: string;
    context: Record<string, unknown>;
  },
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': contentTypeFor(send.fileName),
    'Content-Length': String(opened.head.size),
    'Content-Disposition': contentDisposition(send.disposition, send.fileName),
    'Content-Security-Policy': BLOB_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  if (req.method === 'HEAD') {
    opened.stream.destroy(); // nothing is sent: the host stops reading
    res.end();
    return;
  }
  try {
    await pipeline(opened.stream, res);
  } catch (e) {
    if (!res.destroyed) res.destroy();
    if (!req.destroyed)
      backend.logger.warn(`${send.what} stream failed`, { ...send.context, error: String(e) });
  }
}

/**
 * `inline|attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 5987>`: old clients get
 * a safe ASCII name, current ones the real one.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /outputs/<id>`: a generated file (an export, a report) waiting for the browser, sent as an
 * attachment under the name Attest gave it. Sandboxed and never sniffed, like stored files.
 */
export async function handleOutput(
  backend: VaultBackend,
  req: IncomingMessage,
  res: ServerResponse,
  outputId: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Read generated files with GET.', { Allow: 'GET, HEAD' });
    return;
  }
  let opened;
  try {
    opened = await backend.read({ kind: 'output', outputId });
  } catch (e) {
    sendText(res, 404, isAttestError(e) ? e.message : 'Not found.');
    return;
  }
  await sendStored(backend, req, res, opened, {
    fileName: opened.head.fileName ?? outputId,
    disposition: 'attachment',
    what: 'output',
    context: { outputId },
  });
}

/**
 * `GET /package-file/<path>[?download=1]`: a file of the audit package open in auditor mode,
 * checked against its verified manifest on every read. 404 for a path the manifest does not list,
 * 409 when no package is open or the zip changed since it was opened (never served then).
 */
export async function handlePackageFile(
  backend: VaultBackend,
  req: IncomingMessage,
  res: ServerResponse,
  encodedPath: string,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Read package files with GET.', { Allow: 'GET, HEAD' });
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    sendText(res, 404, 'Not found.');
    return;
  }
  let opened;
  try {
    opened = await backend.read({ kind: 'package-file', path });
  } catch (e) {
    if (isAttestError(e) && e.code === 'conflict') sendText(res, 409, e.message);
    else if (isAttestError(e) && e.code === 'not_found') sendText(res, 404, e.message);
    else sendJson(res, 500, { ok: false, error: toApiError(e, backend.logger) });
    return;
  }
  const fileName = opened.head.fileName ?? 'file';
  await sendStored(backend, req, res, opened, {
    fileName,
    disposition: query.get('download') !== '1' && safeInline(fileName) ? 'inline' : 'attachment',
    what: 'package file',
    context: { path },
  });
}

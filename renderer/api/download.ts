/**
 * Stored files are read from the same origin in both transports: `attest serve` answers
 * `GET /blob/<id>` and the desktop app's protocol answers `app://attest/blob/<id>`, which is
 * where a page served from `app://attest/` resolves `/blob/<id>` too. So one relative URL works
 * for both, and the browser (or Electron's download handler) saves it under the given name.
 */
export function blobUrl(blobId: number, options: { fileName?: string; download?: boolean } = {}) {
  const query = new URLSearchParams();
  if (options.download) query.set('download', '1');
  if (options.fileName) query.set('name', options.fileName);
  const search = query.toString();
  return `/blob/${blobId}${search ? `?${search}` : ''}`;
}

/**
 * A file of the audit package open in auditor mode: `GET /package-file/<path>` in a browser,
 * `app://attest/package-file/<path>` on the desktop. Checked against the verified manifest on
 * every read (404 for a path it does not list, 409 when the zip changed since it was opened).
 * Shown inline only for safe types (PDF, pictures, plain text); anything else downloads.
 */
export function packageFileUrl(path: string, options: { download?: boolean } = {}) {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `/package-file/${encoded}${options.download ? '?download=1' : ''}`;
}

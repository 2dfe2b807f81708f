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
 * A file of the audit package open in auditor mode, by its path inside the zip: `attest serve`
 * answers `GET /package-file/<path>` and the desktop protocol the same relative URL, each read
 * re-checked against the verified manifest. Each segment is encoded; the slashes stay.
 */
export function packageFileUrl(path: string, options: { download?: boolean } = {}) {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `/package-file/${encoded}${options.download ? '?download=1' : ''}`;
}

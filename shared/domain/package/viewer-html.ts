/**
 * `index.html`: the package's self-contained offline viewer (DESIGN §6). A first, plain
 * version — one table of files by control — that the viewer work replaces with the three views
 * (by request, by criterion, by control). It takes only `ViewerData`, so the writer never changes.
 */
import type { ViewerData } from './viewer-data';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A relative link to a file in the package, each segment percent-encoded. */
export function fileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function renderViewerHtml(data: ViewerData): string {
  const rows = data.files
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.controls.join(', '))}</td><td><a href="${fileHref(f.path)}">${escapeHtml(
          f.evidenceId,
        )}</a></td><td>${escapeHtml(f.title)}</td><td>${escapeHtml(f.covers ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(data.engagement.name)} — audit package</title></head>
<body><h1>${escapeHtml(data.engagement.name)}</h1>
<p>Signing key fingerprint: <code>${escapeHtml(data.keyFingerprint)}</code></p>
<table><thead><tr><th>Controls</th><th>Evidence</th><th>Title</th><th>Covers</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

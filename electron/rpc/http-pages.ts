/**
 * The few pages the server writes itself. They follow the UI's CSP: no script, styles inline
 * only (allowed by `style-src 'unsafe-inline'`).
 */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Attest</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.4rem; }
  code { background: #f0f2f4; padding: 0.1rem 0.3rem; border-radius: 4px; }
</style>
</head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
}

export const NOT_SIGNED_IN_PAGE = page(
  'This browser is not signed in to Attest',
  `<p>Open the address printed by <code>attest serve</code> in the terminal where you started it.</p>
<p>That address works once, in one browser. If it was already used, stop <code>attest serve</code>
(Ctrl+C) and start it again to get a new one.</p>`,
);

export const UI_NOT_BUILT_PAGE = page(
  'The Attest interface has not been built',
  `<p>Attest is running, but there is no built interface to show. Build it once with</p>
<p><code>npm run build:renderer</code></p>
<p>and reload this page. (Set <code>ATTEST_UI_DIR</code> to serve the interface from another
folder.)</p>`,
);

/** Whether the client is a browser navigating (wants a page) rather than a script (wants text). */
export function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/html');
}

import { describe, expect, it } from 'vitest';
import { sampleViewerData } from '../../../electron/testing/viewer-sample';
import { renderViewerHtml } from './viewer-html';

describe('the offline viewer page', () => {
  it('escapes hostile text from the vault: a <script> in a title never becomes markup', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const base = sampleViewerData();
    const html = renderViewerHtml({
      ...base,
      engagement: { ...base.engagement, name: evil, client: evil },
      requests: base.requests.map((r) => ({ ...r, title: evil })),
      controls: base.controls.map((c) => ({ ...c, title: evil, owner: evil })),
      criteria: base.criteria.map((c) => ({ ...c, title: evil })),
      files: base.files.map((f) => ({ ...f, title: evil, covers: evil })),
      documents: [{ path: 'x.pdf', title: evil }],
    });
    // The page's own single script, and no other; no attribute or tag from the titles.
    expect(html.match(/<script>/g)).toHaveLength(1);
    // Attribute values emptied (a `"` inside one is always escaped), what is left is markup.
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup).not.toContain('<img');
    expect(markup).not.toMatch(/<[^>]*onerror/i);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;',
    );
  });

  it('links each file relative to the page, percent-encoded, and never to the network', () => {
    const base = sampleViewerData();
    const html = renderViewerHtml({
      ...base,
      files: [{ ...base.files[0]!, path: '04_Evidence/AC-01/a#b?c.txt' }],
    });
    expect(html).toContain('href="04_Evidence/AC-01/a%23b%3Fc.txt"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain("default-src 'none'");
  });

  it('gives a link its address, opened in a new tab only when clicked, and loads nothing', () => {
    const base = sampleViewerData();
    const html = renderViewerHtml({
      ...base,
      files: [
        {
          ...base.files[0]!,
          path: null,
          url: 'https://tickets.example.com/browse/SEC-42?a=1&b="x"',
          sha256: '',
          size: 0,
        },
      ],
    });
    expect(html).toContain(
      '<a href="https://tickets.example.com/browse/SEC-42?a=1&amp;b=&quot;x&quot;" target="_blank" rel="noopener noreferrer">',
    );
    expect(html).toContain('no file');
    // A navigation the auditor chooses, never a load: no src reaches the network.
    expect(html).not.toMatch(/src="(https?:)?\/\//);
  });

  it('has the three views, the fingerprint for comparison, and no conclusions', () => {
    const html = renderViewerHtml(sampleViewerData());
    for (const id of ['by-request', 'by-criterion', 'by-control']) {
      expect(html).toContain(`<section class="view" id="${id}">`);
    }
    expect(html).toContain('f'.repeat(64));
    expect(html).toContain('for comparison only');
    expect(html).toContain('SOC 2 Type II, period 2026-01-01 to 2026-06-30');
    expect(html).not.toMatch(/\bmet\b|\bcompliant\b|\bpass(ed)?\b|\bfail(ed)?\b/i);
  });
});

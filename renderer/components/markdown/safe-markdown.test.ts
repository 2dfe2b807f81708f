// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { safeMarkdownHtml } from './safe-markdown';

/** The HTML as the browser would hold it once inserted. */
function inDom(markdown: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = safeMarkdownHtml(markdown);
  return box;
}

describe('safe Markdown', () => {
  it('renders headings, lists, tables and emphasis', () => {
    const html = safeMarkdownHtml(
      '# Title\n\n1. First\n2. **Second**\n\n| A | B |\n| --- | ---: |\n| 1 | 2 |\n',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toMatch(/<ol>\s*<li>First<\/li>/);
    expect(html).toContain('<strong>Second</strong>');
    expect(html).toContain('<th>A</th>');
    expect(html).toContain('<td style="text-align: right">2</td>');
  });

  it('never lets a script, an event handler, a javascript: link or a remote image reach the DOM', () => {
    const box = inDom(
      [
        '<script>window.hacked = 1</script>',
        '<img src="x" onerror="window.hacked = 1">',
        '[click](javascript:alert(1)) [jump](JAVASCRIPT:alert(1)) [vb](  javascript:x)',
        '![remote](https://evil.example/pixel.png) ![local](data:image/png;base64,iVBORw0KGgo=)',
        '[plain http](http://insecure.example) [fine](https://example.com)',
        '<a href="javascript:alert(1)" onclick="x()">raw</a> <div style="background:url(https://evil.example)">s</div>',
      ].join('\n\n'),
    );
    expect(box.querySelector('script')).toBeNull();
    expect(box.querySelectorAll('[onerror], [onclick], [onload], [style]')).toHaveLength(0);
    const hrefs = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    // markdown-it refuses javascript: links itself (they stay text); the sanitiser drops http:.
    expect(hrefs).toEqual([null, 'https://example.com']);
    expect(box.querySelector('a[href^="javascript" i]')).toBeNull();
    const imgs = [...box.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(imgs).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
    // Raw HTML typed in a policy is shown as text, not run.
    expect(box.textContent).toContain('<script>window.hacked = 1</script>');
    expect(box.innerHTML).not.toMatch(/<script|<div style/);
  });

  it('moves headings below the page’s own title and marks gaps to complete', () => {
    const html = safeMarkdownHtml('# A\n\n### B\n\nOwner: [To be completed: the owner].', {
      headingBase: 2,
    });
    expect(html).toContain('<h2>A</h2>');
    expect(html).toContain('<h4>B</h4>');
    expect(html).toContain('<mark data-testid="placeholder">[To be completed: the owner]</mark>');
  });
});

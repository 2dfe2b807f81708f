// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const render = (markdown: string) =>
  renderToStaticMarkup(
    <MantineProvider>
      <Markdown markdown={markdown} />
    </MantineProvider>,
  );

describe('Markdown', () => {
  it('renders headings one level below the page title, paragraphs, bullets and tables', () => {
    const html = render(
      '# Description\n\nIntro text.\n\n## Services\n\n- One\n- Two\n\n| Criterion | Controls |\n| --- | --- |\n| CC6.1 | AC-01, AC-04 |\n',
    );
    expect(html).toMatch(/<h2[^>]*>Description<\/h2>/);
    expect(html).toMatch(/<h3[^>]*>Services<\/h3>/);
    expect(html).toMatch(/<p[^>]*>Intro text.<\/p>/);
    expect(html).toMatch(/<li[^>]*>.*One.*<\/li>/);
    expect(html).toMatch(/<th[^>]*>Criterion<\/th>/);
    expect(html).toMatch(/<td[^>]*>CC6.1<\/td>/);
  });

  it('shows what the user typed as text, never as HTML', () => {
    const html = render('<script>alert(1)</script> and <b>bold</b>\n');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<b>');
  });

  it('marks the placeholders left to complete', () => {
    const html = render('Owner: [To be completed: name of the owner].\n');
    expect(html).toMatch(/<mark[^>]*>\[To be completed: name of the owner\]<\/mark>/);
  });
});

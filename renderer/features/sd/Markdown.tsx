import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { safeMarkdownHtml } from '../../components/markdown/safe-markdown';

/**
 * Renders Markdown through the one markdown-it parse the DOCX and PDF exports use, sanitised by
 * DOMPurify (`safeMarkdownHtml`): whatever a user typed is shown, never run — raw HTML stays
 * text, and no script, event handler, unsafe link or remote image reaches the page. Attest's
 * "[To be completed: …]" gaps are marked.
 */
export function Markdown(props: {
  markdown: string;
  /** The `<hN>` a `#` heading becomes. */ headingBase?: number;
}) {
  const html = useMemo(
    () => safeMarkdownHtml(props.markdown, { headingBase: props.headingBase ?? 2 }),
    [props.markdown, props.headingBase],
  );
  return (
    <Typography>
      {/* Sanitised above: the only HTML the app inserts, and only from this function. */}
      <div data-testid="markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

import { List, Mark, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { type DocBlock, parseMarkdown } from '../../../shared/domain/system-description-doc';
import { splitPlaceholders } from '../../../shared/domain/system-description-wording';

/** Text with Attest's "[To be completed: …]" placeholders marked, so gaps stand out. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {splitPlaceholders(text).map((part, i) =>
        part.placeholder ? (
          <Mark key={i} color="yellow" data-testid="placeholder">
            {part.text}
          </Mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

function Block({ block, headingBase }: { block: DocBlock; headingBase: number }) {
  switch (block.kind) {
    case 'heading': {
      const order = Math.min(6, headingBase + block.level - 1) as TitleOrder;
      const size = (['h1', 'h2', 'h3'] as const)[block.level - 1];
      return (
        <Title order={order} size={size} mt={block.level === 1 ? 0 : 'lg'} mb="xs">
          <Inline text={block.text} />
        </Title>
      );
    }
    case 'paragraph':
      return (
        <Text size="sm" mb="sm" lh={1.65}>
          <Inline text={block.text} />
        </Text>
      );
    case 'bullets':
      return (
        <List size="sm" spacing={4} mb="sm" withPadding>
          {block.items.map((item, i) => (
            <List.Item key={i}>
              <Inline text={item} />
            </List.Item>
          ))}
        </List>
      );
    case 'table':
      return (
        <Table.ScrollContainer minWidth={480} mb="md">
          <Table withTableBorder withColumnBorders verticalSpacing={4} fz="xs">
            <Table.Thead>
              <Table.Tr>
                {block.header.map((h, i) => (
                  <Table.Th key={i}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {block.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    <Table.Td key={i}>
                      <Inline text={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
  }
}

/**
 * Renders our Markdown subset (headings, paragraphs, bullets, pipe tables — the same parser the
 * DOCX and PDF exports use) as React elements. Text is only ever text: nothing is injected as
 * HTML, so whatever a user typed is shown, never run.
 */
export function Markdown(props: {
  markdown: string;
  /** The `<hN>` a `#` heading becomes. */ headingBase?: number;
}) {
  const blocks = useMemo(() => parseMarkdown(props.markdown), [props.markdown]);
  return (
    <div data-testid="markdown">
      {blocks.map((block, i) => (
        <Block key={i} block={block} headingBase={props.headingBase ?? 2} />
      ))}
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import { buildAssertionDraft } from './system-description-assertion';
import {
  type DocBlock,
  normaliseBlocks,
  parseMarkdown,
  toMarkdown,
} from './system-description-doc';
import { buildDescriptionDraft } from './system-description-draft';
import { sampleDraftInput } from './system-description-sample';

const roundTrip = (blocks: DocBlock[]) => parseMarkdown(toMarkdown(blocks));

describe('Markdown round trip', () => {
  it('gives back the generated drafts block for block', () => {
    for (const blocks of [
      buildDescriptionDraft(sampleDraftInput()),
      buildAssertionDraft(sampleDraftInput()),
    ]) {
      expect(roundTrip(blocks)).toEqual(blocks);
      // And Markdown → blocks → Markdown is stable.
      const md = toMarkdown(blocks);
      expect(toMarkdown(parseMarkdown(md))).toBe(md);
    }
  });

  it('keeps text that looks like Markdown syntax as text', () => {
    const blocks: DocBlock[] = [
      { kind: 'heading', level: 2, text: 'C# and F# services' },
      { kind: 'paragraph', text: '# not a heading' },
      { kind: 'paragraph', text: '- not a bullet' },
      { kind: 'paragraph', text: '| not a table' },
      { kind: 'paragraph', text: '---' },
      { kind: 'paragraph', text: '\\# keeps its backslash' },
      { kind: 'paragraph', text: '\\\\server\\share is a path' },
      { kind: 'bullets', items: ['- -', '# item', 'plain item'] },
      {
        kind: 'table',
        header: ['Pipe | inside', 'Back\\slash'],
        rows: [
          ['a | b', 'C:\\temp\\'],
          ['', 'trailing \\|'],
        ],
      },
    ];
    expect(roundTrip(blocks)).toEqual(blocks);
  });

  it('normalises whitespace and drops empty blocks, pads short table rows', () => {
    const blocks: DocBlock[] = [
      { kind: 'paragraph', text: '  two\n lines  ' },
      { kind: 'paragraph', text: '   ' },
      { kind: 'bullets', items: ['', 'one'] },
      { kind: 'bullets', items: ['two'] },
      { kind: 'table', header: ['A', 'B'], rows: [['only a']] },
    ];
    const expected: DocBlock[] = [
      { kind: 'paragraph', text: 'two lines' },
      { kind: 'bullets', items: ['one', 'two'] },
      { kind: 'table', header: ['A', 'B'], rows: [['only a', '']] },
    ];
    expect(normaliseBlocks(blocks)).toEqual(expected);
    expect(roundTrip(blocks)).toEqual(expected);
  });

  it('writes tables as pipe tables with a delimiter row', () => {
    expect(
      toMarkdown([{ kind: 'table', header: ['Date', 'Change'], rows: [['1 May', 'a|b']] }]),
    ).toBe('| Date | Change |\n| --- | --- |\n| 1 May | a\\|b |\n');
  });
});

describe('reading Markdown a person edited', () => {
  it('reads the subset and is forgiving about the rest', () => {
    const md = [
      '# Title',
      '#### Too deep',
      'A paragraph',
      'that wraps.',
      '',
      '* star bullet',
      '+ plus bullet',
      '  continued here',
      '',
      '***',
      '| A | B |',
      '| 1 | 2 |',
      '',
      'Closing line',
    ].join('\r\n');
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'heading', level: 3, text: 'Too deep' },
      { kind: 'paragraph', text: 'A paragraph that wraps.' },
      { kind: 'bullets', items: ['star bullet', 'plus bullet continued here'] },
      // The one parse (markdown-it) reads a table only with its delimiter row, as GitHub does,
      // so the preview, the DOCX and the PDF agree on what is a table.
      { kind: 'paragraph', text: '| A | B | | 1 | 2 |' },
      { kind: 'paragraph', text: 'Closing line' },
    ]);
    expect(parseMarkdown('| A | B |\n| --- | --- |\n| 1 | 2 |')).toEqual([
      { kind: 'table', header: ['A', 'B'], rows: [['1', '2']] },
    ]);
  });

  it('reads an empty document as no blocks', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('\n\n   \n')).toEqual([]);
  });
});

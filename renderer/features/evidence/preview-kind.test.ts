import { describe, expect, it } from 'vitest';
import { csvRows, prettyJson, previewKindOf } from './preview-kind';

describe('evidence preview', () => {
  it('chooses the preview by extension, whatever its case, and none for unknown types', () => {
    expect(previewKindOf('Screenshot 2026-03-01.PNG')).toBe('image');
    expect(previewKindOf('policy.pdf')).toBe('pdf');
    expect(previewKindOf('terminations.csv')).toBe('csv');
    expect(previewKindOf('config.json')).toBe('json');
    expect(previewKindOf('notes.txt')).toBe('text');
    expect(previewKindOf('page.html')).toBe('none');
    expect(previewKindOf('Makefile')).toBe('none');
  });

  it('reads quoted CSV cells with commas, doubled quotes and CRLF line ends', () => {
    expect(csvRows('name,date\r\n"Okafor, Maya","2026-02-01"\r\n"say ""hi""",x')).toEqual([
      ['name', 'date'],
      ['Okafor, Maya', '2026-02-01'],
      ['say "hi"', 'x'],
    ]);
  });

  it('stops at the row limit', () => {
    expect(csvRows('a\nb\nc\nd\n', 2)).toEqual([['a'], ['b']]);
  });

  it('pretty-prints whole JSON and leaves a cut-off text as it is', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('{"a":')).toBe('{"a":');
  });
});

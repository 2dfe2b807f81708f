/** How a stored file is previewed in the app, from its name's extension (never its bytes). */
export type PreviewKind = 'image' | 'pdf' | 'text' | 'csv' | 'json' | 'none';

const BY_EXTENSION: Record<string, PreviewKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  svg: 'image',
  pdf: 'pdf',
  txt: 'text',
  log: 'text',
  md: 'text',
  csv: 'csv',
  json: 'json',
};

export function previewKindOf(fileName: string): PreviewKind {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return 'none';
  return BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? 'none';
}

/** The most of a text file read for its preview: enough to recognise it, never the whole log. */
export const TEXT_PREVIEW_BYTES = 128 * 1024;

/** Rows of a CSV for the preview table (quoted fields, doubled quotes, CRLF), at most `max`. */
export function csvRows(text: string, max = 50): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < max; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if ((cell !== '' || row.length > 0) && rows.length < max) rows.push([...row, cell]);
  return rows;
}

/** JSON pretty-printed when it parses whole; else the text as it is (a cut-off preview). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
